package io.chatsuite.events.interaction;

import java.time.Instant;

/** The interaction was not queued. */
public record InteractionRejected(String interactionId, String campaignId, RejectReason reason, Instant at)
        implements InteractionEvent {}
