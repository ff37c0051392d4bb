package io.chatsuite.testing;

import io.chatsuite.events.Party;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.events.routing.RoutingRequested;
import java.time.Instant;

/**
 * chat-gateway's side of routing, played in tests: what it publishes for routing-service (agents' presence and
 * the routing requests of chats), keyed as the gateway keys them (presence by agent, requests by campaign).
 */
public final class GatewaySide {

    private final TopicWriter writer;

    public GatewaySide(TopicWriter writer) {
        this.writer = writer;
    }

    public void presence(String agentId, String displayName, PresenceStatus status) {
        writer.publish(agentId, new AgentPresenceChanged(agentId, displayName, status, Instant.now()));
    }

    public void request(String campaignId, String interactionId, String customerName, String language) {
        writer.publish(
                campaignId,
                interactionId,
                new RoutingRequested(interactionId, campaignId, customerName, language, Instant.now()));
    }

    public void accept(String campaignId, String interactionId, String agentId) {
        writer.publish(
                campaignId, interactionId, new RoutingAccepted(interactionId, campaignId, agentId, Instant.now()));
    }

    public void decline(String campaignId, String interactionId, String agentId) {
        writer.publish(
                campaignId, interactionId, new RoutingDeclined(interactionId, campaignId, agentId, Instant.now()));
    }

    public void abandon(String campaignId, String interactionId) {
        writer.publish(
                campaignId, interactionId, new RoutingAbandonRequested(interactionId, campaignId, Instant.now()));
    }

    public void end(String campaignId, String interactionId, Party by, String agentId) {
        writer.publish(
                campaignId,
                interactionId,
                new RoutingEndRequested(interactionId, campaignId, by, agentId, Instant.now()));
    }
}
