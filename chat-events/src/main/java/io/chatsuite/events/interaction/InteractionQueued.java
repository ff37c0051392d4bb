package io.chatsuite.events.interaction;

import java.time.Instant;

/**
 * The interaction waits in its campaign's queue at {@code position} (1 = next); repeated whenever the position
 * changes. {@code estimatedWaitSeconds} is the predicted wait from recent answer times, null when unknown.
 */
public record InteractionQueued(
        String interactionId, String campaignId, int position, Instant queuedAt, Integer estimatedWaitSeconds)
        implements InteractionEvent {

    public InteractionQueued(String interactionId, String campaignId, int position, Instant queuedAt) {
        this(interactionId, campaignId, position, queuedAt, null);
    }
}
