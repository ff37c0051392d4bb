package io.chatsuite.routing.engine;

import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.routing.RoutingRequested;
import java.time.Instant;

/**
 * One change to a queue, as the engine applies it: a customer asking for an agent, a party closing the chat (an
 * abandon while it is still queued), an agent answering an offer, an agent picking from a manual queue. Commands
 * from events carry the event id, recorded in the same transaction so a redelivered event changes nothing.
 */
public sealed interface Command {

    /** The consumed event's id; null for a command that comes from a REST call. */
    String eventId();

    /** {@code campaign}: the campaign as routing knows it, null when unknown (the request is then rejected). */
    record Request(String eventId, RoutingRequested request, CampaignUpserted campaign) implements Command {}

    /**
     * The chat closes: an abandon while queued, an end once assigned. {@code campaignId}: the campaign the sender
     * names (the queue to lock), null when it names none (it is then looked up).
     */
    record Close(String eventId, String interactionId, String campaignId, Party by, Instant at) implements Command {}

    record Accept(String eventId, String interactionId, String campaignId, String agentId) implements Command {}

    record Decline(String eventId, String interactionId, String campaignId, String agentId) implements Command {}

    /** An agent takes an interaction from a MANUAL campaign's queue (the caller checked membership and strategy). */
    record Pick(String interactionId, String campaignId, String agentId) implements Command {

        @Override
        public String eventId() {
            return null;
        }
    }
}
