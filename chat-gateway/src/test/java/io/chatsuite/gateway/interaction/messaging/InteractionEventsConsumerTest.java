package io.chatsuite.gateway.interaction.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.testing.InteractionFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InteractionEventsConsumerTest extends GatewayTestBase {

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", null);
        CloudEvent queued = writer().publish(
                        chat.interactionId(),
                        InteractionFixture.interaction(chat.interactionId(), campaign.campaignId())
                                .queued(3));
        writer().publish(chat.interactionId(), queued);
        routing().queued(campaign.campaignId(), chat.interactionId(), 2);

        assertEquals(2, chat.client().next("queued").path("seq").asLong());
        JsonNode next = chat.client().next("queued");
        assertEquals(3, next.path("seq").asLong());
        assertEquals(2, next.path("position").asInt(), "the redelivered event took no place in the log");
        assertEquals(List.of(), chat.client().drain(quiet()));
    }

    @Test
    void unreadableRecordsAreSkippedAndTheFollowingEventsStillArrive() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", null);
        writer().send(Topics.INTERACTIONS, chat.interactionId(), "not an event");
        writer().send(
                        Topics.INTERACTIONS,
                        chat.interactionId(),
                        "{\"specversion\":\"1.0\",\"id\":\"x-" + chat.interactionId() + "\",\"source\":\"/x\","
                                + "\"type\":\"chat.interaction.queued.v1\",\"data\":{\"position\":\"first\"}}");
        routing().queued(campaign.campaignId(), chat.interactionId(), 1);
        JsonNode queued = chat.client().next("queued");
        assertEquals(2, queued.path("seq").asLong());
        assertEquals(1, queued.path("position").asInt());
    }

    @Test
    void concurrentAppendsOfOneInteractionGetDistinctGaplessNumbers() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "en", null);
        int rounds = 15;
        for (int i = 0; i < rounds; i++) {
            chat.client().send(ClientFrames.message("c-" + i, "message " + i));
            routing().queued(campaign.campaignId(), chat.interactionId(), rounds - i);
        }
        List<JsonNode> frames = new ArrayList<>();
        while (frames.stream().filter(f -> f.has("seq")).count() < 2L * rounds) {
            frames.add(chat.client().next());
        }
        frames.addAll(chat.client().drain(quiet()));
        List<Long> seqs = frames.stream()
                .filter(f -> f.has("seq"))
                .map(f -> f.path("seq").asLong())
                .toList();
        assertEquals(
                LongStream.rangeClosed(2, 2L * rounds + 1).boxed().toList(),
                seqs,
                "every frame once, numbered without gaps, in order");
        assertEquals(
                rounds,
                frames.stream()
                        .filter(f -> "ack".equals(f.path("type").asText()))
                        .count());
    }
}
