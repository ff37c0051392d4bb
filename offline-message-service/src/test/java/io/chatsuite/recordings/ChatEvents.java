package io.chatsuite.recordings;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.message.Sender;
import io.chatsuite.testing.CampaignFixture;
import io.chatsuite.testing.ChatMessageFixture;
import io.chatsuite.testing.InteractionFixture;
import io.chatsuite.testing.TopicWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The events of chats as routing and the gateway publish them, for the recordings' tests: written by the shared
 * {@link TopicWriter}, each checked against the contract first.
 */
public final class ChatEvents {

    // One reference time per test JVM so that at(n) means the same instant when producing and when asserting.
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private ChatEvents() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A time in the recent past, at whole seconds so it reads back unchanged from PostgreSQL and JSON. */
    public static Instant at(int secondsAgo) {
        return NOW.minusSeconds(secondsAgo);
    }

    public static CloudEvent campaign(String campaignId, String name, String securityGroup) {
        return publish(campaignId, CampaignFixture.campaign(campaignId).withName(name)
                .withSecurityGroup(securityGroup).withAgentMembers(List.of("alice")).build());
    }

    public static CloudEvent queued(String interactionId, String campaignId, Instant at) {
        return publish(interactionId, InteractionFixture.interaction(interactionId, campaignId).withAt(at).queued(1));
    }

    public static CloudEvent assigned(String interactionId, String campaignId, String agentId, String customerName,
            Instant requestedAt, Instant assignedAt) {
        return publish(interactionId, InteractionFixture.interaction(interactionId, campaignId).withAgent(agentId)
                .withCustomerName(customerName).withReason(Strategy.LONGEST_IDLE, 120.0)
                .withRequestedAt(requestedAt).withAt(assignedAt).assigned());
    }

    public static CloudEvent abandoned(String interactionId, String campaignId, Instant requestedAt, Instant at) {
        return publish(interactionId, InteractionFixture.interaction(interactionId, campaignId)
                .withRequestedAt(requestedAt).withAt(at).abandoned());
    }

    public static CloudEvent ended(String interactionId, String campaignId, String agentId, Party by, Instant at) {
        return publish(interactionId, InteractionFixture.interaction(interactionId, campaignId).withAgent(agentId)
                .withAt(at).ended(by));
    }

    public static CloudEvent customerSays(String interactionId, String campaignId, String clientId, String text,
            Instant at) {
        return message(interactionId, campaignId, clientId, new Sender(Party.CUSTOMER, "customer", "Carla"), text, at);
    }

    public static CloudEvent agentSays(String interactionId, String campaignId, String agentId, String clientId,
            String text, Instant at) {
        return message(interactionId, campaignId, clientId, new Sender(Party.AGENT, agentId, "Alice"), text, at);
    }

    public static CloudEvent message(String interactionId, String campaignId, String clientId, Sender sender,
            String text, Instant at) {
        return publish(interactionId, ChatMessageFixture.message(interactionId, campaignId).withClientId(clientId)
                .withSender(sender).withText(text).withSentAt(at).build());
    }

    /** Publishes {@code data} in a new envelope and returns the envelope (to redeliver it as a duplicate). */
    public static CloudEvent publish(String key, Record data) {
        return writer().publish(key, data);
    }

    public static void publish(String key, CloudEvent event) {
        writer().publish(key, event);
    }

    /** Any record value, readable or not. */
    public static void send(String topic, String key, String value) {
        writer().send(topic, key, value);
    }

    private static TopicWriter writer() {
        return TopicWriter.shared(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
