package io.chatsuite.routing.interaction.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.routing.Suite;
import io.chatsuite.routing.SuiteTest;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Agents of MANUAL campaigns pick from the queue; the first pick wins (agents hold one chat each in tests). */
@QuarkusTest
class ManualPickTest extends SuiteTest {

    record Pick(String agent, String interaction, int status) {}

    @Test
    void theFirstPickWinsAndEveryOtherPickerGetsAConflict() throws Exception {
        List<String> agents = List.of(Suite.id("pia"), Suite.id("quim"), Suite.id("rosa"));
        String campaign = available(agents);
        String interaction = suite.request(campaign);
        suite.event(interaction, 1, EventType.INTERACTION_QUEUED);
        given().auth()
                .oauth2(TestTokens.agent(agents.get(0), "sales"))
                .get("/api/routing/queues/" + campaign)
                .then()
                .statusCode(200)
                .body("strategy", equalTo("MANUAL"))
                .body("waiting.interactionId", equalTo(List.of(interaction)))
                .body("waiting[0].position", equalTo(1));

        List<Pick> picks = pickConcurrently(agents, List.of(interaction));
        List<Pick> won = picks.stream().filter(p -> p.status() == 200).toList();
        assertEquals(1, won.size(), picks.toString());
        assertEquals(2, picks.stream().filter(p -> p.status() == 409).count(), picks.toString());

        InteractionAssigned assigned = suite.first(interaction, EventType.INTERACTION_ASSIGNED);
        assertEquals(won.get(0).agent(), assigned.agentId());
        assertEquals(Strategy.MANUAL, assigned.reason().strategy());
        suite.assertAssignedOnce(interaction);
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .get("/api/routing/queues/" + campaign)
                .then()
                .statusCode(200)
                .body("waiting", hasSize(0));
    }

    @Test
    void concurrentPicksNeverGiveAnInteractionTwiceNorAnAgentMoreThanItsCapacity() throws Exception {
        List<String> agents = List.of(Suite.id("sara"), Suite.id("tito"));
        String campaign = available(agents);
        // As many as a queue may hold in tests (three), for two agents who may hold one chat each.
        List<String> interactions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            interactions.add(suite.request(campaign));
        }
        for (String i : interactions) {
            suite.event(i, 1, EventType.INTERACTION_QUEUED);
        }

        List<Pick> won = pickConcurrently(agents, interactions).stream()
                .filter(p -> p.status() == 200)
                .toList();

        // Exactly two picks succeed, one per agent, of two different interactions.
        assertEquals(2, won.size(), won.toString());
        assertEquals(2, won.stream().map(Pick::agent).distinct().count(), won.toString());
        assertEquals(2, won.stream().map(Pick::interaction).distinct().count(), won.toString());
        Map<String, String> assignedTo = new HashMap<>();
        for (String i : interactions) {
            for (CloudEvent e : suite.allEvents(i)) {
                if (EventType.INTERACTION_ASSIGNED.type().equals(e.type())) {
                    String previous = assignedTo.put(
                            i, EventCodec.data(e, InteractionAssigned.class).agentId());
                    assertNull(previous, i + " was assigned twice");
                }
            }
        }
        assertEquals(2, assignedTo.size(), assignedTo.toString());
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .get("/api/routing/queues/" + campaign)
                .then()
                .statusCode(200)
                .body("waiting", hasSize(1))
                .body("waiting.position", equalTo(List.of(1)));
    }

    @Test
    void picksAreRefusedOutsideTheAgentsManualCampaignsAndBeyondItsCapacity() {
        String agent = Suite.id("vera");
        String campaign = available(List.of(agent));
        String first = suite.request(campaign);
        String second = suite.request(campaign);
        suite.event(second, 1, EventType.INTERACTION_QUEUED);

        claim(agent, "sales", first)
                .then()
                .statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("agentId", equalTo(agent));
        claim(agent, "sales", second)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("not available"));
        claim(Suite.id("outsider"), "sales", second).then().statusCode(403);
        claim(agent, "support", second).then().statusCode(404);
        claim(agent, "sales", "no-such-interaction").then().statusCode(404);

        String automatic = suite.campaign(Strategy.LONGEST_IDLE, List.of(agent));
        String routed = suite.request(automatic);
        suite.event(routed, 1, EventType.INTERACTION_QUEUED);
        claim(agent, "sales", routed).then().statusCode(409).body("detail", containsString("MANUAL"));
    }

    @Test
    void queuesAndInteractionsAreVisibleOnlyToTheirCampaignsPeople() {
        String agent = Suite.id("wen");
        String campaign = suite.campaign(Strategy.MANUAL, List.of(agent));
        String interaction = suite.request(campaign);
        suite.event(interaction, 1, EventType.INTERACTION_QUEUED);

        given().auth()
                .oauth2(TestTokens.agent(agent, "sales"))
                .get("/api/routing/interactions/" + interaction)
                .then()
                .statusCode(200)
                .body("state", equalTo("QUEUED"))
                .body("position", equalTo(1));
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .get("/api/routing/interactions/" + interaction)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.agent(Suite.id("stranger"), "sales"))
                .get("/api/routing/queues/" + campaign)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .get("/api/routing/interactions/" + interaction)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/routing/queues/" + campaign).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .post("/api/routing/interactions/" + interaction + "/claim")
                .then()
                .statusCode(403);
    }

    /** A MANUAL campaign whose agents routing knows to be available. */
    private String available(List<String> agents) {
        String campaign = suite.campaign(Strategy.MANUAL, agents);
        for (String agent : agents) {
            suite.presence(agent, PresenceStatus.AVAILABLE);
        }
        for (String agent : agents) {
            Suite.awaitStatus(campaign, "sales", agent, PresenceStatus.AVAILABLE);
        }
        return campaign;
    }

    private static Response claim(String agent, String group, String interaction) {
        return given().auth()
                .oauth2(TestTokens.agent(agent, group))
                .post("/api/routing/interactions/" + interaction + "/claim");
    }

    /** Every agent tries to pick every interaction, all at once, in shuffled order. */
    private static List<Pick> pickConcurrently(List<String> agents, List<String> interactions) throws Exception {
        List<Callable<Pick>> tasks = new ArrayList<>();
        for (String agent : agents) {
            String token = TestTokens.agent(agent, "sales");
            for (String interaction : interactions) {
                tasks.add(() -> new Pick(
                        agent,
                        interaction,
                        given().auth()
                                .oauth2(token)
                                .post("/api/routing/interactions/" + interaction + "/claim")
                                .statusCode()));
            }
        }
        Collections.shuffle(tasks);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Pick> picks = new ArrayList<>();
            for (Future<Pick> f : pool.invokeAll(tasks)) {
                picks.add(f.get());
            }
            Set<Integer> statuses =
                    new HashSet<>(picks.stream().map(Pick::status).toList());
            assertTrue(Set.of(200, 409).containsAll(statuses), picks.toString());
            return picks;
        } finally {
            pool.shutdownNow();
        }
    }
}
