package io.chatsuite.campaigns.campaign.rest;

import static io.chatsuite.campaigns.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.campaigns.Api;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignDeleted;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignConcurrencyTest {

    static final String ADMIN = TestTokens.admin("sales", "support");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void replaceNeedsIfMatchAndLosesWhenStale() {
        String name = Api.unique("Etag");
        Api.Created c = Api.create(ADMIN, Api.campaign(name, "sales", "alice"));
        String etag = as(ADMIN)
                .get("/api/campaigns/" + c.id())
                .then()
                .statusCode(200)
                .header("ETag", c.etag())
                .extract()
                .header("ETag");

        as(ADMIN)
                .body(Api.campaign(name, "sales"))
                .put("/api/campaigns/" + c.id())
                .then()
                .statusCode(428)
                .contentType("application/problem+json");

        String renamed = name + " renamed";
        String next = as(ADMIN)
                .header("If-Match", etag)
                .body(Api.campaign(renamed, "sales", "carol"))
                .put("/api/campaigns/" + c.id())
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo(renamed))
                .body("version", equalTo(1))
                .body("agentMembers", contains("carol"))
                .extract()
                .header("ETag");

        // A second writer who read version 0 loses instead of overwriting the first one's change.
        as(ADMIN)
                .header("If-Match", etag)
                .body(Api.campaign(name + " other", "sales"))
                .put("/api/campaigns/" + c.id())
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(ADMIN)
                .get("/api/campaigns/" + c.id())
                .then()
                .body("name", equalTo(renamed))
                .header("ETag", next);

        CampaignUpserted snapshot = EventCodec.data(
                EventCodec.decode(Api.awaitEvent(
                                bootstrap,
                                Topics.CAMPAIGNS,
                                c.id(),
                                e -> EventType.CAMPAIGN_UPSERTED.type().equals(e.type())
                                        && e.data().path("version").asLong() == 1)
                        .value()),
                CampaignUpserted.class);
        assertEquals(renamed, snapshot.name());
        assertEquals(List.of("carol"), snapshot.agentMembers());
    }

    @Test
    void replaceKeepsNamesUniqueAndGroupsTheCallers() {
        String taken = Api.unique("Taken");
        Api.create(ADMIN, Api.campaign(taken, "sales"));
        Api.Created c = Api.create(ADMIN, Api.campaign(Api.unique("Mine"), "sales"));
        as(ADMIN)
                .header("If-Match", c.etag())
                .body(Api.campaign(taken.toLowerCase(), "sales"))
                .put("/api/campaigns/" + c.id())
                .then()
                .statusCode(409);
        // Moving it to a group the caller is in works; to one it is not in is forbidden.
        String moved = as(ADMIN)
                .header("If-Match", c.etag())
                .body(Api.campaign(taken, "support"))
                .put("/api/campaigns/" + c.id())
                .then()
                .statusCode(200)
                .body("securityGroup", equalTo("support"))
                .extract()
                .header("ETag");
        as(TestTokens.admin("support"))
                .header("If-Match", moved)
                .body(Api.campaign(taken, "sales"))
                .put("/api/campaigns/" + c.id())
                .then()
                .statusCode(403);
        as(TestTokens.admin("sales"))
                .header("If-Match", moved)
                .body(Api.campaign(taken, "sales"))
                .put("/api/campaigns/" + c.id())
                .then()
                .statusCode(404);
    }

    @Test
    void deleteRemovesTheCampaignAndPublishesADeletionAndATombstone() {
        Api.Created c = Api.create(ADMIN, Api.campaign(Api.unique("Gone"), "sales"));
        as(ADMIN)
                .header("If-Match", "\"7\"")
                .delete("/api/campaigns/" + c.id())
                .then()
                .statusCode(412);
        as(ADMIN)
                .header("If-Match", c.etag())
                .delete("/api/campaigns/" + c.id())
                .then()
                .statusCode(204);
        as(ADMIN).get("/api/campaigns/" + c.id()).then().statusCode(404);
        as(ADMIN).delete("/api/campaigns/" + c.id()).then().statusCode(404);

        CampaignDeleted deleted = EventCodec.data(
                EventCodec.decode(Api.awaitEvent(
                                bootstrap, Topics.CAMPAIGNS, c.id(), Api.ofType(EventType.CAMPAIGN_DELETED.type()))
                        .value()),
                CampaignDeleted.class);
        assertEquals(c.id(), deleted.campaignId());
        Api.awaitTombstone(bootstrap, Topics.CAMPAIGNS, c.id());
    }

    @Test
    void deleteWithoutIfMatchIsAllowed() {
        Api.Created c = Api.create(ADMIN, Api.campaign(Api.unique("Bye"), "sales"));
        as(ADMIN).delete("/api/campaigns/" + c.id()).then().statusCode(204);
    }
}
