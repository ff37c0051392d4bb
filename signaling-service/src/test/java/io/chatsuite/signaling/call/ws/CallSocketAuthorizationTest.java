package io.chatsuite.signaling.call.ws;

import static io.chatsuite.signaling.InteractionEvents.assignedTo;
import static io.chatsuite.signaling.InteractionEvents.newId;
import static io.chatsuite.signaling.call.ws.CallClient.bearer;
import static io.chatsuite.signaling.call.ws.CallClient.bearerSubprotocol;
import static io.chatsuite.signaling.call.ws.CallClient.customerPath;
import static io.chatsuite.signaling.call.ws.CallClient.none;
import static io.chatsuite.signaling.call.ws.CallClient.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chatsuite.commons.session.SessionTokens;
import io.chatsuite.signaling.InteractionEvents;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CallSocketAuthorizationTest {

    @Inject
    Vertx vertx;

    @Inject
    PgPool pool;

    @Inject
    SessionTokens sessionTokens;

    @TestHTTPResource("/")
    URI root;

    @Test
    void customerWithTheGenuineTokenOfTheInteractionJoins() {
        String id = assignedTo(pool, "alice");
        try (CallClient customer = open(customerPath(id, sessionTokens.issue(id)), none())) {
            assertEquals(
                    new JsonObject()
                            .put("type", "joined")
                            .put("role", "CUSTOMER")
                            .put("peerPresent", false),
                    CallSocketRelayTest.withoutIceServers(customer.next()));
        }
    }

    @Test
    void customerTokenOfAnotherInteractionIsForbidden() {
        String mine = assignedTo(pool, "alice");
        String other = assignedTo(pool, "alice");
        assertEquals(403, refusal(customerPath(other, sessionTokens.issue(mine)), none()));
    }

    @Test
    void forgedOrMalformedSessionTokenIsUnauthorized() {
        String id = assignedTo(pool, "alice");
        String genuine = sessionTokens.issue(id);
        String tampered = genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("AA") ? "BB" : "AA");
        String otherSecret = new SessionTokens("a-secret-that-is-not-the-suite-one").issue(id);

        assertEquals(401, refusal(customerPath(id, tampered), none()));
        assertEquals(401, refusal(customerPath(id, otherSecret), none()));
        assertEquals(401, refusal(customerPath(id, "not-a-token"), none()));
    }

    @Test
    void assignedAgentJoinsWithABearerHeader() {
        String id = assignedTo(pool, "alice");
        try (CallClient agent = open(path(id), bearer(TestTokens.agent("alice", "sales")))) {
            assertEquals(
                    new JsonObject().put("type", "joined").put("role", "AGENT").put("peerPresent", false),
                    CallSocketRelayTest.withoutIceServers(agent.next()));
        }
    }

    @Test
    void assignedAgentJoinsWithTheTokenInTheSubprotocolAsBrowsersSendIt() {
        String id = assignedTo(pool, "alice");
        try (CallClient agent = open(path(id), bearerSubprotocol(TestTokens.agent("alice", "sales")))) {
            assertEquals("AGENT", agent.next().getString("role"));
            assertEquals("bearer-token-carrier", agent.subprotocol());
        }
    }

    @Test
    void anyoneButTheAssignedAgentIsForbidden() {
        String id = assignedTo(pool, "alice");
        assertEquals(403, refusal(path(id), bearer(TestTokens.agent("mallory", "sales"))));
        assertEquals(403, refusal(path(id), bearerSubprotocol(TestTokens.agent("mallory", "sales"))));
        // Right name, wrong role.
        assertEquals(403, refusal(path(id), bearer(TestTokens.token("alice", Set.of("supervisor"), Set.of("sales")))));
    }

    @Test
    void handshakeWithoutValidCredentialsIsUnauthorized() {
        String id = assignedTo(pool, "alice");
        assertEquals(401, refusal(path(id), none()));
        assertEquals(401, refusal(path(id), bearer("not-a-jwt")));
    }

    @Test
    void unknownQueuedOrEndedInteractionHasNoCall() {
        String unknown = newId();
        assertEquals(403, refusal(path(unknown), bearer(TestTokens.agent("alice", "sales"))));
        assertEquals(403, refusal(customerPath(unknown, sessionTokens.issue(unknown)), none()));

        String queued = newId();
        InteractionEvents.awaitProcessed(pool, InteractionEvents.queue(queued));
        assertEquals(403, refusal(customerPath(queued, sessionTokens.issue(queued)), none()));

        String ended = assignedTo(pool, "alice");
        InteractionEvents.end(ended, "alice");
        InteractionEvents.awaitState(pool, ended, "ENDED", "alice");
        assertEquals(403, refusal(path(ended), bearer(TestTokens.agent("alice", "sales"))));
        assertEquals(403, refusal(customerPath(ended, sessionTokens.issue(ended)), none()));
    }

    @Test
    void endingTheInteractionClosesItsCallSockets() {
        String id = assignedTo(pool, "alice");
        try (CallClient customer = open(customerPath(id, sessionTokens.issue(id)), none());
                CallClient agent = open(path(id), bearer(TestTokens.agent("alice", "sales")))) {
            customer.next();
            agent.next();
            assertFalse(customer.isClosed());

            InteractionEvents.end(id, "alice");

            assertEquals(1000, agent.awaitClose());
            assertEquals(1000, customer.awaitClose());
        }
    }

    private CallClient open(String path, Consumer<WebSocketConnectOptions> c) {
        return CallClient.open(vertx, root.getPort(), path, c);
    }

    private int refusal(String path, Consumer<WebSocketConnectOptions> c) {
        return CallClient.refusal(vertx, root.getPort(), path, c);
    }
}
