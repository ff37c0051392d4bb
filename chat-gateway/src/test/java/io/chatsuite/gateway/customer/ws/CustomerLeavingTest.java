package io.chatsuite.gateway.customer.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.gateway.WsClient;
import io.chatsuite.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Customers who close the tab: abandoned after the grace period, ended after the inactivity timeout. */
@QuarkusTest
@TestProfile(CustomerLeavingTest.ShortTimeouts.class)
class CustomerLeavingTest extends GatewayTestBase {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "chat.customers.queue-grace",
                    "3s",
                    "chat.customers.inactivity-timeout",
                    "4s",
                    "chat.customers.heartbeat",
                    "1s",
                    "chat.customers.sweep-interval",
                    "500ms");
        }
    }

    @Test
    void aWaitingCustomerWhoLeftIsAbandonedOnceTheGracePeriodIsOver() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", "Nina");
        write(chat, "is anyone there?");
        TopicReader.awaitOne(
                bootstrap, Topics.ROUTING_REQUESTS, TopicReader.of(EventType.ROUTING_REQUESTED, chat.interactionId()));
        long left = System.nanoTime();
        chat.client().close();

        ConsumerRecord<String, String> abandon = TopicReader.awaitOne(
                bootstrap,
                Topics.ROUTING_REQUESTS,
                TopicReader.of(EventType.ROUTING_ABANDON_REQUESTED, chat.interactionId()));
        long waitedMillis = (System.nanoTime() - left) / 1_000_000;
        assertTrue(waitedMillis >= 3_000, "abandoned after " + waitedMillis + " ms, before the 3 s grace period");
        TopicReader.valid(Topics.ROUTING_REQUESTS, abandon);
    }

    @Test
    void aCustomerWhoComesBackWithinTheGracePeriodKeepsTheirPlace() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", "Omar");
        write(chat, "hello");
        routing().queued(campaign.campaignId(), chat.interactionId(), 1);
        chat.client().next("queued");
        chat.client().close();
        sleep(1_500);

        WsClient back = customerSocket(campaign);
        back.send(ClientFrames.resume(chat.token(), 0));
        assertTrue(back.next("session").path("resumed").asBoolean());
        sleep(5_000);

        assertEquals(
                List.of(),
                TopicReader.toEnd(
                        bootstrap,
                        Topics.ROUTING_REQUESTS,
                        TopicReader.of(EventType.ROUTING_ABANDON_REQUESTED, chat.interactionId())));
    }

    @Test
    void anAssignedChatWhoseCustomerLeftEndsWithANoticeToBothSidesInTheCustomersLanguage() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "es", "Pilar");
        write(chat, "hola");
        Agent agent = agent();
        routing().assigned(campaign.campaignId(), chat.interactionId(), agent.id(), "Pilar");
        chat.client().next("assigned");
        agent.client().next("assigned");
        chat.client().close();

        JsonNode notice = agent.client().next();
        while (!"customerLeft".equals(notice.path("kind").asText())) {
            // The agent first gets the chat's earlier frames (welcome, message), then the notice.
            notice = agent.client().next();
        }
        assertEquals("customerLeft", notice.path("kind").asText());
        assertEquals("es", notice.path("language").asText());
        assertTrue(notice.path("text").asText().contains("cliente"), notice.toString());
        ConsumerRecord<String, String> end = TopicReader.awaitOne(
                bootstrap,
                Topics.ROUTING_REQUESTS,
                TopicReader.of(EventType.ROUTING_END_REQUESTED, chat.interactionId()));
        assertEquals(
                "SYSTEM",
                TopicReader.valid(Topics.ROUTING_REQUESTS, end)
                        .data()
                        .path("endedBy")
                        .asText());

        // The customer who comes back later reads the same notice in the chat's history.
        WsClient back = customerSocket(campaign);
        back.send(ClientFrames.resume(chat.token(), 0));
        back.next("session");
        assertEquals(
                List.of(notice.path("seq").asLong()),
                back.drain(quiet()).stream()
                        .filter(f -> "customerLeft".equals(f.path("kind").asText()))
                        .map(f -> f.path("seq").asLong())
                        .toList());
    }
}
