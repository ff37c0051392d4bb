package io.chatsuite.routing.interaction.api;

import io.chatsuite.events.Party;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.routing.interaction.InteractionState;
import java.time.Instant;

/** An interaction as the console reads it; {@code position} is set while it waits (1 = next). */
public record InteractionView(
        String id,
        String campaignId,
        InteractionState state,
        String customerName,
        String language,
        Instant requestedAt,
        Instant queuedAt,
        Integer position,
        String agentId,
        Instant assignedAt,
        Instant closedAt,
        Party endedBy,
        RejectReason rejectReason) {}
