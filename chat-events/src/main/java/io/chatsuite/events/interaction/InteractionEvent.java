package io.chatsuite.events.interaction;

/**
 * An event of the {@code interactions} topic: every one names its interaction (the record key) and campaign, so
 * consumers need no per-type switch to find them.
 */
public sealed interface InteractionEvent
        permits InteractionQueued,
                InteractionOffered,
                InteractionAssigned,
                InteractionRejected,
                InteractionAbandoned,
                InteractionEnded {

    String interactionId();

    String campaignId();
}
