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

    private ChatEvents() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A time in the recent past, at whole seconds so it reads back unchanged from PostgreSQL and JSON. */
    public static Instant at(int secondsAgo) {
        return NOW.minusSeconds(secondsAgo);
    }

    public static CloudEvent campaign(String campaignId, String name, String securityGroup) {
        return writer().publish(
                        campaignId,
                        CampaignFixture.campaign(campaignId)
                                .withName(name)
                                .withSecurityGroup(securityGroup)
                                .withAgentMembers(List.of("alice"))
                                .build());
    }

    public static CloudEvent queued(String interactionId, String campaignId, Instant at) {
        return writer().publish(
                        interactionId,
                        InteractionFixture.interaction(interactionId, campaignId)
                                .withAt(at)
                                .queued(1));
    }

    public static CloudEvent assigned(
            String interactionId,
            String campaignId,
            String agentId,
            String customerName,
            Instant requestedAt,
            Instant assignedAt) {
        return writer().publish(
                        interactionId,
                        InteractionFixture.interaction(interactionId, campaignId)
                                .withAgent(agentId)
                                .withCustomerName(customerName)
                                .withReason(Strategy.LONGEST_IDLE, 120.0)
                                .withRequestedAt(requestedAt)
                                .withAt(assignedAt)
                                .assigned());
    }

    public static CloudEvent abandoned(String interactionId, String campaignId, Instant requestedAt, Instant at) {
        return writer().publish(
                        interactionId,
                        InteractionFixture.interaction(interactionId, campaignId)
                                .withRequestedAt(requestedAt)
                                .withAt(at)
                                .abandoned());
    }

    public static CloudEvent ended(String interactionId, String campaignId, String agentId, Party by, Instant at) {
        return writer().publish(
                        interactionId,
                        InteractionFixture.interaction(interactionId, campaignId)
                                .withAgent(agentId)
                                .withAt(at)
                                .ended(by));
    }

    public static CloudEvent customerSays(
            String interactionId, String campaignId, String clientId, String text, Instant at) {
        return message(interactionId, campaignId, clientId, new Sender(Party.CUSTOMER, "customer", "Carla"), text, at);
    }

    public static CloudEvent agentSays(
            String interactionId, String campaignId, String agentId, String clientId, String text, Instant at) {
        return message(interactionId, campaignId, clientId, new Sender(Party.AGENT, agentId, "Alice"), text, at);
    }

    public static CloudEvent message(
            String interactionId, String campaignId, String clientId, Sender sender, String text, Instant at) {
        return writer().publish(
                        interactionId,
                        ChatMessageFixture.message(interactionId, campaignId)
                                .withClientId(clientId)
                                .withSender(sender)
                                .withText(text)
                                .withSentAt(at)
                                .build());
    }

    /** The test broker's writer, for envelopes sent again and for records that are not events at all. */
    public static TopicWriter writer() {
        return TopicWriter.shared(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
