package io.chatsuite.events.interaction;

import java.time.Instant;

/** The customer left while queued. */
public record InteractionAbandoned(String interactionId, String campaignId, Instant requestedAt, Instant at)
        implements InteractionEvent {}
