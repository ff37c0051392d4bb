package io.chatsuite.gateway.customer.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerMessagingTest extends GatewayTestBase {

    @Test
    void firstMessageRequestsAnAgentAndEveryMessageIsPublished() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", "Ana");
        JsonNode first = write(chat, "I need help with my order");
        assertEquals(2, first.path("seq").asLong());
        assertEquals("CUSTOMER", first.path("from").path("role").asText());
        assertEquals("Ana", first.path("from").path("name").asText());

        ConsumerRecord<String, String> request = TopicReader.awaitOne(
                bootstrap, Topics.ROUTING_REQUESTS, TopicReader.of(EventType.ROUTING_REQUESTED, chat.interactionId()));
        assertEquals(campaign.campaignId(), request.key());
        RoutingRequested requested =
                EventCodec.data(TopicReader.valid(Topics.ROUTING_REQUESTS, request), RoutingRequested.class);
        assertEquals("Ana", requested.customerName());
        assertEquals("en", requested.language());

        ConsumerRecord<String, String> sent = TopicReader.awaitOne(
                bootstrap, Topics.CHAT_MESSAGES, TopicReader.of(EventType.CHAT_MESSAGE_SENT, chat.interactionId()));
        assertEquals(chat.interactionId(), sent.key());
        CloudEvent event = TopicReader.valid(Topics.CHAT_MESSAGES, sent);
        ChatMessageSent message = EventCodec.data(event, ChatMessageSent.class);
        assertEquals(first.path("id").asText(), message.messageId());
        assertEquals(message.messageId(), event.id());
        assertEquals("I need help with my order", message.text());
        assertEquals(Party.CUSTOMER, message.sender().role());

        JsonNode second = write(chat, "Order 42");
        assertEquals(3, second.path("seq").asLong());
        TopicReader.await(
                bootstrap, Topics.CHAT_MESSAGES, TopicReader.of(EventType.CHAT_MESSAGE_SENT, chat.interactionId()), 2);
        sleep(1500);
        assertEquals(
                1,
                TopicReader.toEnd(
                                bootstrap,
                                Topics.ROUTING_REQUESTS,
                                TopicReader.of(EventType.ROUTING_REQUESTED, chat.interactionId()))
                        .size(),
                "one request per chat");
    }

    @Test
    void aRetriedClientIdIsOneMessage() {
        Chat chat = startChat(campaign(), "es", null);
        chat.client().send(ClientFrames.message("retry-1", "hello?"));
        List<JsonNode> frames = List.of(chat.client().next(), chat.client().next());
        String id = frames.stream()
                .filter(f -> f.path("type").asText().equals("ack"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();

        chat.client().send(ClientFrames.message("retry-1", "hello?"));
        JsonNode ack = chat.client().next("ack");
        assertEquals(id, ack.path("id").asText(), "the retry is acknowledged as the same message");

        JsonNode next = write(chat, "anyone?");
        assertEquals(3, next.path("seq").asLong(), "the retry took no sequence number");
        List<ConsumerRecord<String, String>> records = TopicReader.await(
                bootstrap, Topics.CHAT_MESSAGES, TopicReader.of(EventType.CHAT_MESSAGE_SENT, chat.interactionId()), 3);
        assertEquals(
                2,
                records.stream()
                        .map(r -> EventCodec.decode(r.value()).id())
                        .distinct()
                        .count(),
                "a resent message keeps its event id, so every consumer applies it once");
    }

    @Test
    void theQueuedFrameCarriesThePredictedWaitOnlyWhenRoutingHasOne() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", null);
        write(chat, "hello");

        routing().queued(campaign.campaignId(), chat.interactionId(), 3, null);
        JsonNode first = chat.client().next("queued");
        assertEquals(3, first.path("position").asInt());
        assertTrue(first.path("estimatedWaitSeconds").isMissingNode(), first.toString());

        routing().queued(campaign.campaignId(), chat.interactionId(), 2, 95);
        JsonNode second = chat.client().next("queued");
        assertEquals(2, second.path("position").asInt());
        assertEquals(95, second.path("estimatedWaitSeconds").asInt());
    }

    @Test
    void endingWhileQueuedAbandonsAndThenTheChatIsClosed() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "es", null);
        write(chat, "hola");
        routing().queued(campaign.campaignId(), chat.interactionId(), 1);
        assertEquals(1, chat.client().next("queued").path("position").asInt());

        chat.client().send(ClientFrames.end());
        ConsumerRecord<String, String> abandon = TopicReader.awaitOne(
                bootstrap,
                Topics.ROUTING_REQUESTS,
                TopicReader.of(EventType.ROUTING_ABANDON_REQUESTED, chat.interactionId()));
        assertEquals(
                campaign.campaignId(),
                EventCodec.data(TopicReader.valid(Topics.ROUTING_REQUESTS, abandon), RoutingAbandonRequested.class)
                        .campaignId());

        routing().abandoned(campaign.campaignId(), chat.interactionId());
        JsonNode ended = chat.client().next("ended");
        assertEquals("CUSTOMER", ended.path("endedBy").asText());
        assertEquals(4, ended.path("seq").asLong());

        chat.client().send(ClientFrames.message("late", "still there?"));
        JsonNode error = chat.client().next("error");
        assertEquals("CHAT_ENDED", error.path("code").asText());
        assertEquals("late", error.path("clientId").asText());
    }

    @Test
    void endingBeforeWritingJustEndsTheChat() {
        Chat chat = startChat(campaign(), "es", null);
        chat.client().send(ClientFrames.end());
        JsonNode ended = chat.client().next("ended");
        assertEquals(2, ended.path("seq").asLong());
        assertEquals("CUSTOMER", ended.path("endedBy").asText());
        sleep(1000);
        assertEquals(
                List.of(),
                TopicReader.toEnd(
                        bootstrap,
                        Topics.ROUTING_REQUESTS,
                        r -> r.value() != null && r.value().contains(chat.interactionId())),
                "routing never heard of this chat");
    }

    @Test
    void aRejectedChatShowsTheCampaignsNotAvailableText() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", null);
        write(chat, "hello");
        routing().rejected(campaign.campaignId(), chat.interactionId(), RejectReason.UNAVAILABLE);
        JsonNode rejected = chat.client().next("rejected");
        assertEquals("UNAVAILABLE", rejected.path("reason").asText());
        JsonNode text = chat.client().next("system");
        assertEquals("notAvailable", text.path("kind").asText());
        assertEquals("All our agents are busy", text.path("text").asText());
        assertEquals(rejected.path("seq").asLong() + 1, text.path("seq").asLong());
    }
}
