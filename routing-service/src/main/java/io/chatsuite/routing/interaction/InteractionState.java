package io.chatsuite.routing.interaction;

/** Where an interaction is in routing's part of its life; only QUEUED and ASSIGNED ever change again. */
public enum InteractionState {
    QUEUED,
    ASSIGNED,
    ENDED,
    ABANDONED,
    REJECTED
}
