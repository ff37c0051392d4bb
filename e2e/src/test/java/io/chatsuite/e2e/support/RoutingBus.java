package io.chatsuite.e2e.support;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.testing.CampaignFixture;
import io.chatsuite.testing.GatewaySide;
import io.chatsuite.testing.TopicReader;
import io.chatsuite.testing.TopicWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * routing-service's neighbours played on the running suite's broker: campaign snapshots, agent presence and
 * routing requests in, and a plain consumer of the interactions topic out (every record checked against the
 * contract).
 */
public final class RoutingBus implements AutoCloseable {

    private static final String SOURCE = "/e2e";

    private final String bootstrap;
    private final TopicWriter writer;
    private final GatewaySide gateway;

    public RoutingBus(String bootstrap) {
        this.bootstrap = bootstrap;
        this.writer = new TopicWriter(bootstrap, SOURCE);
        this.gateway = new GatewaySide(writer);
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a campaign open around the clock, as campaign-service would; returns its id. */
    public String campaign(Strategy strategy, List<String> members) {
        return campaign(id("campaign"), strategy, members);
    }

    /** The same with a chosen id (e.g. one whose routing-requests partition is known). */
    public String campaign(String id, Strategy strategy, List<String> members) {
        writer.publish(
                id,
                CampaignFixture.campaign(id)
                        .withName("Recovery " + id)
                        .withStrategy(strategy)
                        .withServiceLevelSeconds(30)
                        .withDefaultLanguage("en")
                        .withAgentMembers(members)
                        .withAllowedOrigins(List.of())
                        .withMaxWaiting(50)
                        .build());
        return id;
    }

    public void presence(String agentId, PresenceStatus status) {
        gateway.presence(agentId, agentId, status);
    }

    public String request(String campaignId) {
        String interaction = id("interaction");
        gateway.request(campaignId, interaction, "Customer " + interaction, "en");
        return interaction;
    }

    public void accept(String campaignId, String interactionId, String agentId) {
        gateway.accept(campaignId, interactionId, agentId);
    }

    public void decline(String campaignId, String interactionId, String agentId) {
        gateway.decline(campaignId, interactionId, agentId);
    }

    public void abandon(String campaignId, String interactionId) {
        gateway.abandon(campaignId, interactionId);
    }

    /** The interactions topic by interaction, once {@code condition} holds; fails after {@code timeout}. */
    public Map<String, List<CloudEvent>> await(
            Predicate<Map<String, List<CloudEvent>>> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, List<CloudEvent>> events = interactions();
            if (condition.test(events)) {
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every event now on the interactions topic, by interaction id, in order; each must match the contract. */
    public Map<String, List<CloudEvent>> interactions() {
        return TopicReader.eventsByKey(bootstrap, Topics.INTERACTIONS);
    }

    /** The interaction's events of {@code type}, as data records. */
    public static <T extends Record> List<T> of(
            Map<String, List<CloudEvent>> events, String interactionId, EventType type) {
        @SuppressWarnings("unchecked")
        List<T> data = events.getOrDefault(interactionId, List.of()).stream()
                .filter(e -> type.type().equals(e.type()))
                .map(e -> (T) EventCodec.data(e))
                .toList();
        return data;
    }

    @Override
    public void close() {
        writer.close();
    }
}
