package io.chatsuite.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.gateway.WsClient;
import io.chatsuite.testing.TestTokens;
import io.chatsuite.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A whole chat between a customer and an agent, with routing simulated on Kafka. */
@QuarkusTest
class ChatDeliveryTest extends GatewayTestBase {

    @Test
    void theAssignedAgentGetsTheChatSoFarAndBothSidesShareTheNumbers() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", "Ana");
        write(chat, "hello");
        write(chat, "my order is late");
        routing().queued(campaign.campaignId(), chat.interactionId(), 1);
        assertEquals(4, chat.client().next("queued").path("seq").asLong());
        Agent agent = agent();

        routing().assigned(campaign.campaignId(), chat.interactionId(), agent.id(), "Ana");

        JsonNode assigned = chat.client().next("assigned");
        assertEquals(5, assigned.path("seq").asLong());
        assertEquals(agent.id(), assigned.path("agent").path("id").asText());
        assertEquals(
                Character.toUpperCase(agent.id().charAt(0)) + agent.id().substring(1),
                assigned.path("agent").path("name").asText());
        assertFalse(assigned.has("customer"), "the agent-only details stay with the agent");

        JsonNode agentAssigned = agent.client().next("assigned");
        assertEquals(5, agentAssigned.path("seq").asLong());
        assertEquals(chat.interactionId(), agentAssigned.path("interactionId").asText());
        assertEquals(campaign.campaignId(), agentAssigned.path("campaignId").asText());
        assertEquals("Ana", agentAssigned.path("customer").path("name").asText());
        assertEquals("en", agentAssigned.path("customer").path("language").asText());
        List<JsonNode> before = List.of(
                agent.client().next(),
                agent.client().next(),
                agent.client().next(),
                agent.client().next());
        assertEquals(
                List.of(1L, 2L, 3L, 4L),
                before.stream().map(f -> f.path("seq").asLong()).toList());
        assertEquals(
                List.of("system", "message", "message", "queued"),
                before.stream().map(f -> f.path("type").asText()).toList());
        assertEquals("my order is late", before.get(2).path("text").asText());
        assertEquals(List.of(), agent.client().drain(quiet()), "nothing twice");

        agent.client().send(ClientFrames.agentMessage(chat.interactionId(), "a-1", "Let me check"));
        JsonNode atCustomer = chat.client().next("message");
        assertEquals(6, atCustomer.path("seq").asLong());
        assertEquals("AGENT", atCustomer.path("from").path("role").asText());
        assertEquals(agent.id(), atCustomer.path("from").path("id").asText());
        assertEquals("Let me check", atCustomer.path("text").asText());
        List<JsonNode> atAgent = List.of(agent.client().next(), agent.client().next());
        Map<String, JsonNode> byType =
                atAgent.stream().collect(Collectors.toMap(f -> f.path("type").asText(), f -> f));
        assertEquals("a-1", byType.get("ack").path("clientId").asText());
        assertEquals(6, byType.get("message").path("seq").asLong());

        write(chat, "thanks");
        assertEquals(7, agent.client().next("message").path("seq").asLong());
    }

    @Test
    void anAgentWhoReconnectsSeesTheChatInHelloAndResumesWithoutDuplicates() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "es", null);
        write(chat, "hola");
        Agent agent = agent();
        routing().assigned(campaign.campaignId(), chat.interactionId(), agent.id(), null);
        chat.client().next("assigned");
        agent.client().next("assigned");
        assertEquals(2, agent.client().drain(quiet()).size());
        agent.client().close();

        write(chat, "¿sigues ahí?");
        WsClient again = track(WsClient.agent(vertx, base, TestTokens.agent(agent.id(), "sales")));
        JsonNode hello = again.next("hello");
        assertEquals(1, hello.path("interactions").size());
        assertEquals(chat.interactionId(), hello.path("interactions").get(0).asText());
        again.send(ClientFrames.agentResume(Map.of(chat.interactionId(), 3L)));
        JsonNode missed = again.next("message");
        assertEquals(4, missed.path("seq").asLong());
        assertEquals("¿sigues ahí?", missed.path("text").asText());
        again.send(ClientFrames.agentResume(Map.of(chat.interactionId(), 0L)));
        assertEquals(List.of(), again.drain(quiet()), "what this connection sent is not sent again");
    }

    @Test
    void agentEndReachesRoutingAndThenBothSides() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", null);
        write(chat, "hi");
        Agent agent = agent();
        routing().assigned(campaign.campaignId(), chat.interactionId(), agent.id(), null);
        chat.client().next("assigned");
        agent.client().next("assigned");
        agent.client().drain(quiet());

        agent.client().send(ClientFrames.agentEnd(chat.interactionId()));
        ConsumerRecord<String, String> end = TopicReader.awaitOne(
                bootstrap,
                Topics.ROUTING_REQUESTS,
                TopicReader.of(EventType.ROUTING_END_REQUESTED, chat.interactionId()));
        assertEquals(campaign.campaignId(), end.key());
        RoutingEndRequested request =
                EventCodec.data(TopicReader.valid(Topics.ROUTING_REQUESTS, end), RoutingEndRequested.class);
        assertEquals(Party.AGENT, request.endedBy());
        assertEquals(agent.id(), request.agentId());

        routing().ended(campaign.campaignId(), chat.interactionId(), agent.id(), Party.AGENT);
        JsonNode customerEnded = chat.client().next("ended");
        JsonNode agentEnded = agent.client().next("ended");
        assertEquals("AGENT", customerEnded.path("endedBy").asText());
        assertEquals(customerEnded.path("seq"), agentEnded.path("seq"));
        JsonNode comments = chat.client().next("system");
        assertEquals("comments", comments.path("kind").asText());

        chat.client().send(ClientFrames.message("late", "one more thing"));
        assertEquals("CHAT_ENDED", chat.client().next("error").path("code").asText());
        agent.client().next("system");
        agent.client().send(ClientFrames.agentMessage(chat.interactionId(), "late", "bye"));
        assertEquals("CHAT_ENDED", agent.client().next("error").path("code").asText());
    }

    @Test
    void customerEndOfAnAssignedChatAsksRoutingToEndIt() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", null);
        write(chat, "hi");
        Agent agent = agent();
        routing().assigned(campaign.campaignId(), chat.interactionId(), agent.id(), null);
        chat.client().next("assigned");

        chat.client().send(ClientFrames.end());
        chat.client().send(ClientFrames.end());
        ConsumerRecord<String, String> end = TopicReader.awaitOne(
                bootstrap,
                Topics.ROUTING_REQUESTS,
                TopicReader.of(EventType.ROUTING_END_REQUESTED, chat.interactionId()));
        RoutingEndRequested request =
                EventCodec.data(TopicReader.valid(Topics.ROUTING_REQUESTS, end), RoutingEndRequested.class);
        assertEquals(Party.CUSTOMER, request.endedBy());
        assertEquals(agent.id(), request.agentId());
        sleep(1000);
        assertEquals(
                1,
                TopicReader.toEnd(
                                bootstrap,
                                Topics.ROUTING_REQUESTS,
                                TopicReader.of(EventType.ROUTING_END_REQUESTED, chat.interactionId()))
                        .size(),
                "ending twice is one end");
        assertEquals(
                0,
                TopicReader.toEnd(
                                bootstrap,
                                Topics.ROUTING_REQUESTS,
                                TopicReader.of(EventType.ROUTING_ABANDON_REQUESTED, chat.interactionId()))
                        .size());
    }

    @Test
    void anAgentCannotActOnSomeoneElsesInteraction() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", null);
        write(chat, "hi");
        Agent owner = agent();
        routing().assigned(campaign.campaignId(), chat.interactionId(), owner.id(), null);
        chat.client().next("assigned");
        owner.client().next("assigned");
        Agent other = agent();

        other.client().send(ClientFrames.agentMessage(chat.interactionId(), "x-1", "hello, I am not yours"));
        JsonNode error = other.client().next("error");
        assertEquals("NOT_ASSIGNED", error.path("code").asText());
        assertEquals(chat.interactionId(), error.path("interactionId").asText());
        other.client().send(ClientFrames.agentEnd(chat.interactionId()));
        assertEquals("NOT_ASSIGNED", other.client().next("error").path("code").asText());
        other.client().send(ClientFrames.agentResume(Map.of(chat.interactionId(), 0L)));
        assertEquals("NOT_ASSIGNED", other.client().next("error").path("code").asText());
        assertEquals(List.of(), other.client().drain(quiet()), "nothing of the chat leaks");

        JsonNode next = write(chat, "still only my agent sees this");
        assertTrue(next.path("seq").asLong() > 0);
        sleep(300);
        assertEquals(
                0,
                TopicReader.toEnd(
                                bootstrap,
                                Topics.ROUTING_REQUESTS,
                                TopicReader.of(EventType.ROUTING_END_REQUESTED, chat.interactionId()))
                        .size());
    }
}
