package io.chatsuite.gateway;

import io.chatsuite.events.Party;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.testing.InteractionFixture;
import io.chatsuite.testing.TopicWriter;

/** routing-service's side of a chat, played for the gateway's tests: its events about an interaction. */
public final class RoutingEvents {

    private final TopicWriter writer;

    RoutingEvents(TopicWriter writer) {
        this.writer = writer;
    }

    public void queued(String campaignId, String interactionId, int position) {
        writer.publish(
                interactionId,
                InteractionFixture.interaction(interactionId, campaignId).queued(position));
    }

    public void queued(String campaignId, String interactionId, int position, Integer estimatedWaitSeconds) {
        writer.publish(
                interactionId,
                InteractionFixture.interaction(interactionId, campaignId).queued(position, estimatedWaitSeconds));
    }

    public void assigned(String campaignId, String interactionId, String agentId, String customerName) {
        writer.publish(
                interactionId,
                InteractionFixture.interaction(interactionId, campaignId)
                        .withAgent(agentId)
                        .withCustomerName(customerName)
                        .assigned());
    }

    public void rejected(String campaignId, String interactionId, RejectReason reason) {
        writer.publish(
                interactionId,
                InteractionFixture.interaction(interactionId, campaignId).rejected(reason));
    }

    public void abandoned(String campaignId, String interactionId) {
        writer.publish(
                interactionId,
                InteractionFixture.interaction(interactionId, campaignId).abandoned());
    }

    public void ended(String campaignId, String interactionId, String agentId, Party endedBy) {
        writer.publish(
                interactionId,
                InteractionFixture.interaction(interactionId, campaignId)
                        .withAgent(agentId)
                        .ended(endedBy));
    }
}
