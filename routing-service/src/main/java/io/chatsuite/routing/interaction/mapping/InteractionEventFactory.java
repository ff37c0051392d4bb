package io.chatsuite.routing.interaction.mapping;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.routing.interaction.Interaction;
import java.time.Instant;
import java.util.List;

/**
 * Builds the events of the {@code interactions} topic from an interaction (keyed and subject-ed by interaction id).
 */
public final class InteractionEventFactory {

    public static final String SOURCE = "/routing-service";

    private InteractionEventFactory() {}

    public static CloudEvent queued(Interaction i, int position, Integer estimatedWaitSeconds) {
        return EventCodec.wrap(
                SOURCE, i.id, new InteractionQueued(i.id, i.campaignId, position, i.queuedAt, estimatedWaitSeconds));
    }

    public static CloudEvent offered(
            Interaction i, List<String> agentIds, Strategy strategy, Instant at, Instant expiresAt) {
        return EventCodec.wrap(
                SOURCE,
                i.id,
                new InteractionOffered(
                        i.id, i.campaignId, agentIds, strategy, i.customerName, i.language, at, expiresAt));
    }

    public static CloudEvent assigned(Interaction i, String agentId, Instant at, AssignmentReason reason) {
        return EventCodec.wrap(
                SOURCE,
                i.id,
                new InteractionAssigned(
                        i.id, i.campaignId, agentId, i.customerName, i.language, i.requestedAt, at, reason));
    }

    public static CloudEvent rejected(Interaction i) {
        return EventCodec.wrap(SOURCE, i.id, new InteractionRejected(i.id, i.campaignId, i.rejectReason, i.closedAt));
    }

    public static CloudEvent abandoned(Interaction i, Instant at) {
        return EventCodec.wrap(SOURCE, i.id, new InteractionAbandoned(i.id, i.campaignId, i.requestedAt, at));
    }

    public static CloudEvent ended(Interaction i, String agentId, Party endedBy, Instant at) {
        return EventCodec.wrap(SOURCE, i.id, new InteractionEnded(i.id, i.campaignId, agentId, endedBy, at));
    }
}
