package io.chatsuite.recordings.interaction;

/** How an interaction ended for the service level: answered by an agent, abandoned, rejected, or not yet decided. */
public enum Outcome {
    IN_PROGRESS,
    ANSWERED,
    ABANDONED,
    REJECTED
}
