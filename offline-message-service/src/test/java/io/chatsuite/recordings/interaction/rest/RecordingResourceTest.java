package io.chatsuite.recordings.interaction.rest;

import static io.chatsuite.recordings.ChatEvents.assigned;
import static io.chatsuite.recordings.ChatEvents.at;
import static io.chatsuite.recordings.ChatEvents.newId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.chatsuite.recordings.ChatEvents;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RecordingResourceTest {

    static final String LIST = "/api/recordings/interactions";
    static final String DETAIL = "/api/recordings/interactions/{id}";

    // Three interactions of one campaign of the sales group, requested 300, 200 and 100 seconds ago.
    static String campaign;
    static String oldest;
    static String middle;
    static String newest;

    @BeforeEach
    void threeSalesInteractionsAreRecorded() {
        if (campaign != null) {
            return;
        }
        campaign = newId();
        ChatEvents.campaign(campaign, "Sales filters", "sales");
        oldest = newId();
        middle = newId();
        newest = newId();
        assigned(oldest, campaign, "alice", "Ann", at(300), at(290));
        assigned(middle, campaign, "bob", "Ben", at(200), at(190));
        assigned(newest, campaign, "alice", "Cid", at(100), at(90));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.supervisor("sales"))
                        .queryParam("campaignId", campaign)
                        .get(LIST)
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(3)));
    }

    @Test
    void listIsNewestFirstAndFiltersByCampaignAgentAndTime() {
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .queryParam("campaignId", campaign)
                .get(LIST)
                .then()
                .statusCode(200)
                .body("items.id", contains(newest, middle, oldest))
                .body("items[0].campaignName", equalTo("Sales filters"))
                .body("items[0].customer.name", equalTo("Cid"))
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(20));

        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .queryParam("campaignId", campaign)
                .queryParam("agentId", "alice")
                .get(LIST)
                .then()
                .statusCode(200)
                .body("items.id", contains(newest, oldest));

        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .queryParam("campaignId", campaign)
                .queryParam("from", at(250).toString())
                .queryParam("to", at(100).toString())
                .get(LIST)
                .then()
                .statusCode(200)
                .body("items.id", contains(middle));

        given().auth()
                .oauth2(TestTokens.admin("sales"))
                .queryParam("campaignId", campaign)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get(LIST)
                .then()
                .statusCode(200)
                .body("items.id", contains(oldest))
                .body("total", equalTo(3));
    }

    @Test
    void recordingsAreVisibleOnlyInsideTheCallersSecurityGroups() {
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .get(DETAIL, newest)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .queryParam("campaignId", campaign)
                .get(LIST)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(0));
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .queryParam("size", 100)
                .get(LIST)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(newest)));

        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .get(DETAIL, newest)
                .then()
                .statusCode(200)
                .body("id", equalTo(newest));
        given().auth()
                .oauth2(TestTokens.admin("support", "sales"))
                .get(DETAIL, newest)
                .then()
                .statusCode(200)
                .body("agentId", equalTo("alice"));
        given().auth()
                .oauth2(TestTokens.supervisor("/sales"))
                .get(DETAIL, newest)
                .then()
                .statusCode(200);
    }

    @Test
    void absentInteractionIsNotFoundLikeOneOfAnotherGroup() {
        String absent = given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .get(DETAIL, newId())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .extract()
                .path("title");
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .get(DETAIL, newest)
                .then()
                .statusCode(404)
                .body("title", equalTo(absent));
    }

    @Test
    void onlySupervisorsAndAdminsReadRecordings() {
        given().get(LIST).then().statusCode(401);
        given().get(DETAIL, newest).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("alice", "sales"))
                .get(LIST)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.agent("alice", "sales"))
                .get(DETAIL, newest)
                .then()
                .statusCode(403);
    }

    @Test
    void endpointsAreDocumentedInOpenApi() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/recordings/interactions'.get.parameters.name",
                        containsInAnyOrder("campaignId", "agentId", "from", "to", "page", "size"))
                .body(
                        "paths.'/api/recordings/interactions/{id}'.get.responses.'404'.content",
                        hasKey("application/problem+json"));
    }

    @Test
    void invalidSearchIsRejectedWithEveryBadParameterNamed() {
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .queryParam("from", "yesterday")
                .queryParam("size", 1000)
                .queryParam("page", -1)
                .get(LIST)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("from", "size", "page"));
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .queryParam("from", at(10).toString())
                .queryParam("to", at(20).toString())
                .get(LIST)
                .then()
                .statusCode(400)
                .body("errors.field", contains("to"));
    }
}
