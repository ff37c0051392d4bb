package io.chatsuite.signaling.call.ws;

import static io.chatsuite.signaling.InteractionEvents.assignedTo;
import static io.chatsuite.signaling.call.ws.CallClient.bearer;
import static io.chatsuite.signaling.call.ws.CallClient.customerPath;
import static io.chatsuite.signaling.call.ws.CallClient.none;
import static io.chatsuite.signaling.call.ws.CallClient.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.commons.session.SessionTokens;
import io.chatsuite.signaling.call.service.TurnCredentials;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CallSocketRelayTest {

    @Inject
    Vertx vertx;

    @Inject
    PgPool pool;

    @Inject
    SessionTokens sessionTokens;

    @TestHTTPResource("/")
    URI root;

    @Test
    void partiesAreToldOfEachOtherAndTheirSignalsAreRelayedBothWaysUnchanged() {
        String id = assignedTo(pool, "alice");
        try (CallClient customer = customer(id)) {
            JsonObject first = customer.next();
            assertEquals(joined("CUSTOMER", false), withoutIceServers(first));
            assertIceServersFor(id, first);
            try (CallClient agent = agent(id, "alice")) {
                assertEquals(joined("AGENT", true), withoutIceServers(agent.next()));
                assertEquals(new JsonObject().put("type", "peer-joined").put("role", "AGENT"), customer.next());

                String offer = "{\"type\":\"signal\",\"data\":{\"kind\":\"offer\",\"sdp\":\"v=0 o=- 1 2 IN IP4 x\"}}";
                customer.send(offer);
                assertEquals(offer, agent.nextRaw());

                String answer = "{\"type\":\"signal\",  \"data\":{\"kind\":\"answer\",\"sdp\":\"v=0\",\"n\":[1,2]}}";
                agent.send(answer);
                assertEquals(answer, customer.nextRaw());
                customer.assertNoFrame(Duration.ofMillis(200));
            }
            assertEquals(new JsonObject().put("type", "peer-left").put("role", "AGENT"), customer.next());
        }
    }

    @Test
    void malformedFramesGetErrorFramesAndTheSocketStaysOpen() {
        String id = assignedTo(pool, "alice");
        try (CallClient customer = customer(id);
                CallClient agent = agent(id, "alice")) {
            customer.next();
            customer.next();
            agent.next();

            assertError(customer, "not json at all", "BAD_FRAME");
            assertError(customer, "[1,2,3]", "BAD_FRAME");
            assertError(customer, "{\"data\":{}}", "BAD_FRAME");
            assertError(customer, "{\"type\":42}", "BAD_FRAME");
            assertError(customer, "{\"type\":\"signal\"}", "BAD_FRAME");
            assertError(customer, "{\"type\":\"signal\",\"data\":\"offer\"}", "BAD_FRAME");
            assertError(customer, "{\"type\":\"dance\"}", "UNKNOWN_TYPE");
            assertError(
                    customer,
                    "{\"type\":\"signal\",\"data\":{\"sdp\":\"" + "x".repeat(17 * 1024) + "\"}}",
                    "TOO_LARGE");
            // Multi-byte characters count as the bytes they take: 6,000 of them are 18,000 bytes.
            assertError(customer, "{\"type\":\"signal\",\"data\":{\"sdp\":\"" + "€".repeat(6000) + "\"}}", "TOO_LARGE");
            agent.assertNoFrame(Duration.ofMillis(200));

            String signal = "{\"type\":\"signal\",\"data\":{\"candidate\":\"" + "c".repeat(15 * 1024) + "\"}}";
            customer.send(signal);
            assertEquals(signal, agent.nextRaw());
        }
    }

    @Test
    void signalWithoutThePeerIsAnsweredWithNoPeer() {
        String id = assignedTo(pool, "alice");
        try (CallClient agent = agent(id, "alice")) {
            agent.next();
            assertError(agent, "{\"type\":\"signal\",\"data\":{\"kind\":\"offer\"}}", "NO_PEER");
        }
    }

    @Test
    void partyConnectingAgainReplacesItsEarlierSocket() {
        String id = assignedTo(pool, "alice");
        try (CallClient agent = agent(id, "alice");
                CallClient first = customer(id)) {
            agent.next();
            first.next();
            agent.next();
            try (CallClient second = customer(id)) {
                assertEquals(joined("CUSTOMER", true), withoutIceServers(second.next()));
                assertEquals(4000, first.awaitClose());
                assertEquals("peer-joined", agent.next().getString("type"));
                // The replaced socket's closing is not the customer leaving.
                agent.assertNoFrame(Duration.ofMillis(300));

                String signal = "{\"type\":\"signal\",\"data\":{\"kind\":\"offer\"}}";
                agent.send(signal);
                assertEquals(signal, second.nextRaw());
            }
        }
    }

    private static void assertError(CallClient client, String frame, String code) {
        client.send(frame);
        JsonObject error = client.next();
        assertEquals("error", error.getString("type"), error.encode());
        assertEquals(code, error.getString("code"), error.encode());
        assertEquals(
                true,
                error.getString("message") != null
                        && !error.getString("message").isBlank());
    }

    /** STUN, then TURN with a credential of this interaction that expires within the configured hour. */
    private static void assertIceServersFor(String interactionId, JsonObject joined) {
        var servers = joined.getJsonArray("iceServers");
        assertEquals(
                "stun:127.0.0.1:3478",
                servers.getJsonObject(0).getJsonArray("urls").getString(0));
        JsonObject turn = servers.getJsonObject(1);
        assertEquals("turn:127.0.0.1:3478", turn.getJsonArray("urls").getString(0));
        String[] username = turn.getString("username").split(":", 2);
        assertEquals(interactionId, username[1]);
        long expiresIn = Long.parseLong(username[0]) - Instant.now().getEpochSecond();
        assertTrue(expiresIn > 3_500 && expiresIn <= 3_600, "expires in " + expiresIn + " s");
        assertEquals(
                new TurnCredentials("test-only-turn-secret-not-for-production").password(turn.getString("username")),
                turn.getString("credential"));
    }

    /** The joined frame without its ICE servers, whose credential changes with time ({@code IceServersTest}). */
    static JsonObject withoutIceServers(JsonObject joined) {
        JsonObject copy = joined.copy();
        copy.remove("iceServers");
        return copy;
    }

    private static JsonObject joined(String role, boolean peerPresent) {
        return new JsonObject().put("type", "joined").put("role", role).put("peerPresent", peerPresent);
    }

    private CallClient customer(String id) {
        return CallClient.open(vertx, root.getPort(), customerPath(id, sessionTokens.issue(id)), none());
    }

    private CallClient agent(String id, String agentId) {
        return CallClient.open(vertx, root.getPort(), path(id), bearer(TestTokens.agent(agentId, "sales")));
    }
}
