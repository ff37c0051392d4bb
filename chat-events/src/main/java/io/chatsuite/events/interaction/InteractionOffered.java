package io.chatsuite.events.interaction;

import io.chatsuite.events.campaign.Strategy;
import java.time.Instant;
import java.util.List;

/** The interaction is offered to these agents until {@code expiresAt}; the first to accept gets it. */
public record InteractionOffered(
        String interactionId,
        String campaignId,
        List<String> agentIds,
        Strategy strategy,
        String customerName,
        String language,
        Instant offeredAt,
        Instant expiresAt)
        implements InteractionEvent {}
