package io.chatsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.e2e.support.Campaigns;
import io.chatsuite.e2e.support.JsonSocket;
import io.chatsuite.e2e.support.RunningSuite;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.local.run.LocalSuite;
import io.chatsuite.testing.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Other systems consume every chat event from Kafka: after a whole chat through the running suite, a plain
 * Kafka consumer reads every topic and every record conforms to the published contract.
 */
class ChatEventsContractTest {

    @Test
    void everyEventOfAChatCanBeReadByAPlainConsumerAndMatchesItsSchema() {
        LocalSuite suite = RunningSuite.get();
        String campaignId = Campaigns.create(suite.accessToken("admin"), "bob");
        String interactionId = chat(suite, campaignId);

        List<ConsumerRecord<String, String>> records = readAll(suite.kafkaBootstrapServers(), interactionId);
        List<String> problems = new ArrayList<>();
        Set<String> typesOfThisChat = new TreeSet<>();
        for (ConsumerRecord<String, String> r : records) {
            if (r.value() == null) {
                continue; // a tombstone on a compacted topic
            }
            EventSchemas.violations(r.topic(), r.value())
                    .forEach(p -> problems.add(r.topic() + "@" + r.offset() + ": " + p));
            JsonNode data = EventCodec.decode(r.value()).data();
            if (interactionId.equals(data.path("interactionId").asText())
                    || campaignId.equals(data.path("campaignId").asText())
                            && r.topic().equals("campaigns")) {
                typesOfThisChat.add(EventCodec.decode(r.value()).type());
            }
        }
        assertEquals(List.of(), problems);
        Set<String> expected = new TreeSet<>(List.of(
                EventType.CAMPAIGN_UPSERTED.type(), EventType.ROUTING_REQUESTED.type(),
                EventType.INTERACTION_ASSIGNED.type(), EventType.CHAT_MESSAGE_SENT.type(),
                EventType.ROUTING_END_REQUESTED.type(), EventType.INTERACTION_ENDED.type()));
        assertTrue(typesOfThisChat.containsAll(expected), "missing " + diff(expected, typesOfThisChat));
        assertTrue(records.stream().anyMatch(r -> r.topic().equals("agent-presence") && "bob".equals(r.key())));
    }

    /** Customer and agent talk through their WebSockets; the agent ends the chat. Returns the interaction id. */
    private static String chat(LocalSuite suite, String campaignId) {
        String ws = RunningSuite.edgeWs();
        try (JsonSocket agent = JsonSocket.agent(ws, suite.accessToken("bob"));
                JsonSocket customer =
                        JsonSocket.customer(ws, campaignId, suite.urls().edge())) {
            agent.awaitType("hello");
            agent.send("{\"type\":\"presence\",\"status\":\"AVAILABLE\"}");

            customer.send("{\"type\":\"hello\",\"language\":\"pt\",\"name\":\"Joana\"}");
            String interactionId =
                    customer.awaitType("session").path("interactionId").asText();
            assertEquals(
                    "Olá! Um agente vai atendê-lo em breve.",
                    customer.awaitType("system").path("text").asText());
            String clientId = UUID.randomUUID().toString();
            customer.send("{\"type\":\"message\",\"clientId\":\"" + clientId + "\",\"text\":\"Bom dia\"}");
            customer.awaitType("ack");

            JsonNode assigned = agent.await(
                    f -> "assigned".equals(f.path("type").asText())
                            && interactionId.equals(f.path("interactionId").asText()),
                    Duration.ofSeconds(30));
            assertEquals("Joana", assigned.path("customer").path("name").asText());
            agent.await(
                    f -> "message".equals(f.path("type").asText())
                            && "Bom dia".equals(f.path("text").asText()),
                    Duration.ofSeconds(20));
            agent.send("{\"type\":\"message\",\"interactionId\":\"" + interactionId
                    + "\",\"clientId\":\"a-1\",\"text\":\"Bom dia! Como posso ajudar?\"}");
            customer.await(
                    f -> "message".equals(f.path("type").asText())
                            && "Bom dia! Como posso ajudar?"
                                    .equals(f.path("text").asText()),
                    Duration.ofSeconds(20));
            agent.send("{\"type\":\"end\",\"interactionId\":\"" + interactionId + "\"}");
            customer.awaitType("ended");
            return interactionId;
        }
    }

    /** Every record of the chat's topics, once the chat's end reached the interactions topic. */
    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String interactionId) {
        TopicReader.await(
                bootstrap,
                List.of(Topics.INTERACTIONS),
                r -> r.value() != null
                        && r.value().contains(EventType.INTERACTION_ENDED.type())
                        && r.value().contains(interactionId),
                1,
                Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        for (String topic : List.of(
                Topics.CAMPAIGNS,
                Topics.AGENT_PRESENCE,
                Topics.ROUTING_REQUESTS,
                Topics.INTERACTIONS,
                Topics.CHAT_MESSAGES)) {
            all.addAll(TopicReader.toEnd(bootstrap, topic, r -> true));
        }
        return all;
    }

    private static Set<String> diff(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }
}
