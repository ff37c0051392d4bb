package io.chatsuite.events.interaction;

import java.time.Instant;

/** An agent was given the interaction. */
public record InteractionAssigned(
        String interactionId,
        String campaignId,
        String agentId,
        String customerName,
        String language,
        Instant requestedAt,
        Instant assignedAt,
        AssignmentReason reason)
        implements InteractionEvent {}
