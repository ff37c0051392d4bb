package io.chatsuite.campaigns.agent.rest;

import static io.chatsuite.campaigns.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.campaigns.Api;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgentProfileResourceTest {

    static final String ADMIN = TestTokens.admin("sales", "support");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String agent() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String profile(String displayName, int capacity, String... groups) {
        return """
                {"displayName":"%s","capacity":%d,"securityGroups":[%s]}""".formatted(
                        displayName,
                        capacity,
                        String.join(
                                ",",
                                java.util.Arrays.stream(groups)
                                        .map(g -> "\"" + g + "\"")
                                        .toList()));
    }

    AgentProfileUpserted published(String agentId, long version) {
        return EventCodec.data(
                EventCodec.decode(Api.awaitEvent(
                                bootstrap,
                                Topics.AGENT_PROFILES,
                                agentId,
                                e -> EventType.AGENT_PROFILE_UPSERTED.type().equals(e.type())
                                        && e.data().path("version").asLong() == version)
                        .value()),
                AgentProfileUpserted.class);
    }

    @Test
    void putCreatesThenReplacesWithIfMatchAndEachChangeIsPublished() {
        String agent = agent();
        String salesCampaign =
                Api.create(ADMIN, Api.campaign(Api.unique("P"), "sales", agent)).id();
        as(ADMIN)
                .body(profile("Ann", 2, "sales"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("agentId", equalTo(agent))
                .body("capacity", equalTo(2))
                .body("campaignIds", contains(salesCampaign));
        AgentProfileUpserted first = published(agent, 0);
        assertEquals(List.of(salesCampaign), first.campaignIds());
        assertEquals(2, first.capacity());

        as(ADMIN)
                .body(profile("Ann B.", 4, "sales"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(428);
        as(ADMIN)
                .header("If-Match", "\"9\"")
                .body(profile("Ann B.", 4, "sales"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(412);
        as(ADMIN)
                .header("If-Match", "\"0\"")
                .body(profile("Ann B.", 4, "sales"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("displayName", equalTo("Ann B."));
        assertEquals(4, published(agent, 1).capacity());
        as(ADMIN)
                .get("/api/agent-profiles/" + agent)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("capacity", equalTo(4));
    }

    @Test
    void campaignIdsFollowCampaignMembershipAndAreRepublished() {
        String agent = agent();
        as(ADMIN)
                .body(profile("Bo", 3, "sales", "support"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(201)
                .body("campaignIds", empty());
        Api.Created sales = Api.create(ADMIN, Api.campaign(Api.unique("S"), "sales", agent, "someone-else"));
        assertEquals(List.of(sales.id()), published(agent, 1).campaignIds());
        Api.Created support = Api.create(ADMIN, Api.campaign(Api.unique("T"), "support", agent));
        assertEquals(2, published(agent, 2).campaignIds().size());

        // What each caller sees is limited to the campaigns of their groups; the event carries them all.
        as(TestTokens.admin("sales"))
                .get("/api/agent-profiles/" + agent)
                .then()
                .body("campaignIds", contains(sales.id()));
        as(ADMIN)
                .get("/api/agent-profiles/" + agent)
                .then()
                .body("campaignIds", containsInAnyOrder(sales.id(), support.id()));

        // Removing the agent from a campaign, or deleting the campaign, republishes the profile.
        as(ADMIN)
                .header("If-Match", sales.etag())
                .body(Api.campaign(Api.unique("S2"), "sales", "someone-else"))
                .put("/api/campaigns/" + sales.id())
                .then()
                .statusCode(200);
        assertEquals(List.of(support.id()), published(agent, 3).campaignIds());
        as(ADMIN).delete("/api/campaigns/" + support.id()).then().statusCode(204);
        assertEquals(List.of(), published(agent, 4).campaignIds());
    }

    @Test
    void deleteRemovesTheProfileAndPublishesADeletionAndATombstone() {
        String agent = agent();
        as(ADMIN)
                .body(profile("Cy", 1, "sales"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(201);
        as(ADMIN)
                .header("If-Match", "\"3\"")
                .delete("/api/agent-profiles/" + agent)
                .then()
                .statusCode(412);
        as(ADMIN)
                .header("If-Match", "\"0\"")
                .delete("/api/agent-profiles/" + agent)
                .then()
                .statusCode(204);
        as(ADMIN).get("/api/agent-profiles/" + agent).then().statusCode(404);
        Api.awaitEvent(bootstrap, Topics.AGENT_PROFILES, agent, Api.ofType(EventType.AGENT_PROFILE_DELETED.type()));
        Api.awaitTombstone(bootstrap, Topics.AGENT_PROFILES, agent);
    }

    @Test
    void groupsRuleWhoSeesAndManagesAProfile() {
        String agent = agent();
        as(TestTokens.admin("sales"))
                .body(profile("Di", 2, "support"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(403);
        as(ADMIN)
                .body(profile("Di", 2, "sales", "support"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(201);
        // A sales-only admin may not drop support's management of the profile: it is kept.
        as(TestTokens.admin("sales"))
                .header("If-Match", "\"0\"")
                .body(profile("Di", 5, "sales"))
                .put("/api/agent-profiles/" + agent)
                .then()
                .statusCode(200)
                .body("securityGroups", contains("sales", "support"));
        as(TestTokens.admin("sales"))
                .delete("/api/agent-profiles/" + agent)
                .then()
                .statusCode(403);
        as(TestTokens.admin("other")).get("/api/agent-profiles/" + agent).then().statusCode(404);
        as(TestTokens.supervisor("support"))
                .get("/api/agent-profiles/" + agent)
                .then()
                .statusCode(200);
        as(TestTokens.agent(agent, "sales"))
                .get("/api/agent-profiles/" + agent)
                .then()
                .statusCode(200);
        as(TestTokens.agent("someone", "sales"))
                .get("/api/agent-profiles/" + agent)
                .then()
                .statusCode(404);
        as(TestTokens.agent(agent, "sales"))
                .get("/api/agent-profiles")
                .then()
                .statusCode(200)
                .body("items.agentId", contains(agent))
                .body("total", equalTo(1));
    }

    @Test
    void listingIsPagedAndFiltered() {
        String group = Api.group("profiles");
        String admin = TestTokens.admin(group);
        for (String name : new String[] {"Zed", "amy", "Bob"}) {
            as(admin)
                    .body(profile(name, 2, group))
                    .put("/api/agent-profiles/" + name.toLowerCase() + "-" + group)
                    .then()
                    .statusCode(201);
        }
        as(admin)
                .get("/api/agent-profiles?size=2&sort=displayName,asc")
                .then()
                .statusCode(200)
                .body("items.displayName", contains("amy", "Bob"))
                .body("total", equalTo(3));
        as(admin).get("/api/agent-profiles?name=ZE").then().body("items.displayName", contains("Zed"));
        as(admin)
                .get("/api/agent-profiles?size=0&sort=capacity")
                .then()
                .statusCode(400)
                .body("errors.field", contains("size", "sort"));
    }

    @Test
    void invalidProfilesAreRejectedWithEveryBadFieldNamed() {
        as(ADMIN)
                .body("{\"capacity\":21,\"securityGroups\":[]}")
                .put("/api/agent-profiles/" + agent())
                .then()
                .statusCode(400)
                .body("errors.field", contains("capacity", "securityGroups"));
        as(ADMIN)
                .body(profile("x", 2, "sales"))
                .put("/api/agent-profiles/bad%20name")
                .then()
                .statusCode(400)
                .body("errors.field", contains("agentId"));
    }
}
