package io.chatsuite.gateway.interaction;

/** Where a customer's chat stands, as far as this gateway knows. */
public enum SessionState {
    /** Said hello, has not written yet: routing knows nothing of it. */
    NEW,
    /** Routing was asked for an agent. */
    REQUESTED,
    QUEUED,
    ASSIGNED,
    /** Routing did not queue it (out of hours, queue full, unknown campaign). */
    REJECTED,
    ENDED;

    public boolean isOver() {
        return this == REJECTED || this == ENDED;
    }
}
