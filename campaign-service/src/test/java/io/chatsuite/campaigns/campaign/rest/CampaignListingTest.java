package io.chatsuite.campaigns.campaign.rest;

import static io.chatsuite.campaigns.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.chatsuite.campaigns.Api;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignListingTest {

    String group;
    String admin;

    /** Five campaigns in a group of their own: Alpha..Echo, two of them ring-all. */
    @BeforeEach
    void campaigns() {
        group = Api.group("list");
        admin = TestTokens.admin(group);
        for (String name : new String[] {"charlie", "Alpha", "echo", "Delta", "bravo"}) {
            String body = Api.campaign(name, group, "alice");
            if (name.equals("bravo") || name.equals("Delta")) {
                body = body.replace("LONGEST_IDLE", "RING_ALL").replace("\"alice\"", "\"zoe\"");
            }
            Api.create(admin, body);
        }
    }

    @Test
    void pagesAreSortedByNameCaseInsensitivelyAndCountEverything() {
        as(admin)
                .get("/api/campaigns?size=2")
                .then()
                .statusCode(200)
                .body("items.name", contains("Alpha", "bravo"))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(5));
        as(admin)
                .get("/api/campaigns?size=2&page=2")
                .then()
                .statusCode(200)
                .body("items.name", contains("echo"))
                .body("total", equalTo(5));
        as(admin)
                .get("/api/campaigns?sort=name,desc")
                .then()
                .body("items.name", contains("echo", "Delta", "charlie", "bravo", "Alpha"));
        as(admin)
                .get("/api/campaigns?sort=createdAt,asc")
                .then()
                .body("items.name", contains("charlie", "Alpha", "echo", "Delta", "bravo"));
        as(admin)
                .get("/api/campaigns?sort=strategy,desc&size=2")
                .then()
                .body("items.strategy", contains("RING_ALL", "RING_ALL"));
    }

    @Test
    void filtersCombine() {
        as(admin).get("/api/campaigns?name=HA").then().body("items.name", contains("Alpha", "charlie"));
        as(admin)
                .get("/api/campaigns?strategy=RING_ALL")
                .then()
                .body("items.name", contains("bravo", "Delta"))
                .body("total", equalTo(2));
        as(admin).get("/api/campaigns?strategy=RING_ALL&name=d").then().body("items.name", contains("Delta"));
        as(admin).get("/api/campaigns?securityGroup=" + group).then().body("total", equalTo(5));
        as(TestTokens.admin(group, "sales"))
                .get("/api/campaigns?securityGroup=" + group + "&size=100")
                .then()
                .body("items", hasSize(5));
        as(admin).get("/api/campaigns?securityGroup=sales").then().body("total", equalTo(0));
        as(admin).get("/api/campaigns?name=%25").then().body("total", equalTo(0));
    }

    @Test
    void anAgentListsOnlyTheCampaignsTheyAreAMemberOf() {
        as(TestTokens.agent("zoe", group))
                .get("/api/campaigns")
                .then()
                .statusCode(200)
                .body("items.name", containsInAnyOrder("bravo", "Delta"))
                .body("total", equalTo(2));
        as(TestTokens.supervisor(group)).get("/api/campaigns").then().body("total", equalTo(5));
    }

    @Test
    void badParametersAreEachNamed() {
        as(admin)
                .get("/api/campaigns?page=-1&size=1000&sort=color,up&strategy=FASTEST")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("page", "size", "sort", "sort", "strategy"));
        as(admin).get("/api/campaigns?page=x").then().statusCode(400).body("errors.field", contains("page"));
        as(admin).get("/api/campaigns?sort=name").then().statusCode(200);
    }
}
