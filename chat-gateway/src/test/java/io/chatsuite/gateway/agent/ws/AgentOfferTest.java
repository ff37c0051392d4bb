package io.chatsuite.gateway.agent.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.gateway.WsClient;
import io.chatsuite.testing.TestTokens;
import io.chatsuite.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Offers reach the consoles of the agents routing names, are withdrawn when routing says so, and the agents'
 * answers go back to routing on routing-requests (routing is played by the test on Kafka).
 */
@QuarkusTest
class AgentOfferTest extends GatewayTestBase {

    @Test
    void anOfferReachesEveryNamedAgentAndAnAcceptanceGoesToRouting() {
        Agent ann = agent();
        Agent ben = agent();
        String interaction = "i-" + UUID.randomUUID();
        String campaign = "c-" + UUID.randomUUID();
        Instant expires = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        offer(interaction, campaign, List.of(ann.id(), ben.id()), Strategy.RING_ALL, expires);

        for (Agent a : List.of(ann, ben)) {
            JsonNode offer = a.client().next("offer");
            assertEquals(interaction, offer.path("interactionId").asText());
            assertEquals(campaign, offer.path("campaignId").asText());
            assertEquals("Joana", offer.path("customer").path("name").asText());
            assertEquals("pt", offer.path("customer").path("language").asText());
            assertEquals("RING_ALL", offer.path("strategy").asText());
            assertEquals(expires, Instant.parse(offer.path("expiresAt").asText()));
        }

        ben.client().send(WsClient.frame("accept").put("interactionId", interaction));
        ConsumerRecord<String, String> accepted = TopicReader.awaitOne(
                bootstrap, Topics.ROUTING_REQUESTS, TopicReader.of(EventType.ROUTING_ACCEPTED, interaction));
        assertEquals(campaign, accepted.key());
        RoutingAccepted data =
                EventCodec.data(TopicReader.valid(Topics.ROUTING_REQUESTS, accepted), RoutingAccepted.class);
        assertEquals(ben.id(), data.agentId());
        assertEquals(campaign, data.campaignId());

        // Routing gave it to ben: everyone's offer is withdrawn.
        routing().assigned(campaign, interaction, ben.id(), "Joana");
        assertEquals(
                interaction,
                ann.client().next("offer-withdrawn").path("interactionId").asText());
        assertEquals(
                interaction,
                ben.client().next("offer-withdrawn").path("interactionId").asText());
    }

    @Test
    void aNewOfferListWithdrawsItFromAgentsNoLongerNamedAndADeclineGoesToRouting() {
        Agent cid = agent();
        Agent dee = agent();
        String interaction = "i-" + UUID.randomUUID();
        String campaign = "c-" + UUID.randomUUID();
        Instant expires = Instant.now().plusSeconds(20);
        offer(interaction, campaign, List.of(cid.id(), dee.id()), Strategy.RING_ALL, expires);
        cid.client().next("offer");
        dee.client().next("offer");

        cid.client().send(WsClient.frame("decline").put("interactionId", interaction));
        ConsumerRecord<String, String> declined = TopicReader.awaitOne(
                bootstrap, Topics.ROUTING_REQUESTS, TopicReader.of(EventType.ROUTING_DECLINED, interaction));
        assertEquals(
                cid.id(),
                EventCodec.data(TopicReader.valid(Topics.ROUTING_REQUESTS, declined), RoutingDeclined.class)
                        .agentId());

        // The ring goes on without cid (same expiry): dee is not sent the offer again.
        offer(interaction, campaign, List.of(dee.id()), Strategy.RING_ALL, expires);
        assertEquals(
                interaction,
                cid.client().next("offer-withdrawn").path("interactionId").asText());
        // The customer waits again without offers: withdrawn from dee too.
        routing().queued(campaign, interaction, 1);
        assertEquals(
                interaction,
                dee.client().next("offer-withdrawn").path("interactionId").asText());

        // Answering a withdrawn offer is refused, and nothing reaches routing.
        dee.client().send(WsClient.frame("accept").put("interactionId", interaction));
        JsonNode error = dee.client().next("error");
        assertEquals("NOT_OFFERED", error.path("code").asText());
        assertEquals(interaction, error.path("interactionId").asText());
        sleep(1000);
        assertEquals(
                List.of(),
                TopicReader.toEnd(
                        bootstrap, Topics.ROUTING_REQUESTS, TopicReader.of(EventType.ROUTING_ACCEPTED, interaction)));
    }

    @Test
    void aConsoleThatConnectsGetsTheAgentsOpenManualOffersWithoutExpiry() {
        String agentId = "agent" + UUID.randomUUID().toString().substring(0, 8);
        String interaction = "i-" + UUID.randomUUID();
        offer(
                interaction,
                "c-" + UUID.randomUUID(),
                List.of(agentId),
                Strategy.MANUAL,
                Instant.now().plusSeconds(86400));
        sleep(1500);

        WsClient console = track(WsClient.agent(vertx, base, TestTokens.agent(agentId, "sales")));
        console.next("hello");
        JsonNode offer = console.next("offer");
        assertEquals(interaction, offer.path("interactionId").asText());
        assertEquals("MANUAL", offer.path("strategy").asText());
        assertTrue(offer.path("expiresAt").isNull(), offer.toString());
    }

    private void offer(String interaction, String campaign, List<String> agents, Strategy strategy, Instant expires) {
        Instant now = Instant.now();
        writer().publish(
                        interaction,
                        EventCodec.wrap(
                                "/routing-service",
                                interaction,
                                new InteractionOffered(
                                        interaction, campaign, agents, strategy, "Joana", "pt", now, expires)));
    }
}
