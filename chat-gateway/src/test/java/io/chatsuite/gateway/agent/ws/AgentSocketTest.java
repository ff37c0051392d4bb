package io.chatsuite.gateway.agent.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.gateway.WsClient;
import io.chatsuite.testing.TestTokens;
import io.chatsuite.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgentSocketTest extends GatewayTestBase {

    @Test
    void withoutATokenOrWithoutTheAgentRoleTheHandshakeIsRefused() {
        assertEquals(
                401,
                assertThrows(
                                WsClient.Refused.class,
                                () -> WsClient.connect(vertx, base, "/ws/agent", Map.of(), List.of()))
                        .status());
        assertEquals(
                403,
                assertThrows(WsClient.Refused.class, () -> WsClient.agent(vertx, base, TestTokens.supervisor("sales")))
                        .status());
        assertEquals(
                401,
                assertThrows(WsClient.Refused.class, () -> WsClient.agent(vertx, base, "not.a.token"))
                        .status());
    }

    @Test
    void anAgentTokenInTheHeaderOpensTheConsoleWithHello() {
        WsClient client = track(WsClient.agent(vertx, base, TestTokens.agent("carol", "sales")));
        JsonNode hello = client.next("hello");
        assertEquals("carol", hello.path("agent").path("id").asText());
        assertEquals("Carol", hello.path("agent").path("name").asText());
        assertEquals("AWAY", hello.path("status").asText());
        assertEquals(0, hello.path("interactions").size());
    }

    @Test
    void aBrowserPassesTheTokenAsASubprotocol() {
        String carrier = URLEncoder.encode(
                "quarkus-http-upgrade#Authorization#Bearer " + TestTokens.agent("dave", "sales"),
                StandardCharsets.UTF_8);
        WsClient client =
                track(WsClient.connect(vertx, base, "/ws/agent", Map.of(), List.of("bearer-token-carrier", carrier)));
        assertEquals("bearer-token-carrier", client.subprotocol());
        assertEquals("dave", client.next("hello").path("agent").path("id").asText());
    }

    @Test
    void presenceIsPublishedAndClosingTheLastConsoleMakesTheAgentOffline() {
        Agent agent = agent();
        WsClient second = track(WsClient.agent(vertx, base, TestTokens.agent(agent.id(), "sales")));
        assertEquals("AWAY", second.next("hello").path("status").asText());

        agent.client().send(ClientFrames.presence("AVAILABLE"));
        agent.client().send(ClientFrames.presence("BUSY"));
        assertEquals("BAD_FRAME", agent.client().next("error").path("code").asText());
        second.close();
        sleep(500);
        agent.client().close();

        TopicReader.await(
                bootstrap, Topics.AGENT_PRESENCE, TopicReader.of(EventType.AGENT_PRESENCE_CHANGED, agent.id()), 3);
        sleep(500);
        List<ConsumerRecord<String, String>> records = TopicReader.toEnd(
                bootstrap, Topics.AGENT_PRESENCE, TopicReader.of(EventType.AGENT_PRESENCE_CHANGED, agent.id()));
        List<PresenceStatus> statuses = records.stream()
                .map(r -> {
                    assertEquals(agent.id(), r.key());
                    return EventCodec.data(TopicReader.valid(Topics.AGENT_PRESENCE, r), AgentPresenceChanged.class)
                            .status();
                })
                .toList();
        assertEquals(
                List.of(PresenceStatus.AWAY, PresenceStatus.AVAILABLE, PresenceStatus.OFFLINE),
                statuses,
                "closing one of two consoles changes nothing; closing the last one makes the agent offline");
    }

    @Test
    void unknownAndMalformedFramesGetErrorsAndTheConsoleStaysUp() {
        Agent agent = agent();
        agent.client().send("{\"type\":\"hello\"}");
        assertEquals("UNKNOWN_TYPE", agent.client().next("error").path("code").asText());
        agent.client().send("{\"type\":\"resume\",\"interactions\":[1]}");
        assertEquals("BAD_FRAME", agent.client().next("error").path("code").asText());
        agent.client()
                .send("{\"type\":\"message\",\"interactionId\":\"x\",\"clientId\":\"c\",\"text\":\""
                        + "y".repeat(20 * 1024) + "\"}");
        assertEquals("TOO_LARGE", agent.client().next("error").path("code").asText());
        agent.client().send(ClientFrames.agentMessage("no-such-interaction", "c1", "hi"));
        JsonNode error = agent.client().next("error");
        assertEquals("NOT_ASSIGNED", error.path("code").asText());
        assertEquals("c1", error.path("clientId").asText());
    }
}
