package io.chatsuite.events.interaction;

import java.time.Instant;

/** The interaction waits in its campaign's queue at {@code position} (1 = next). */
public record InteractionQueued(String interactionId, String campaignId, int position, Instant queuedAt) {
}
