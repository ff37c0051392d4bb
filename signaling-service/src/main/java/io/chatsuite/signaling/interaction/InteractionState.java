package io.chatsuite.signaling.interaction;

/** Where an interaction is in its lifecycle, as far as calls are concerned. */
public enum InteractionState {
    QUEUED,
    ASSIGNED,
    ENDED,
    ABANDONED,
    REJECTED;

    /** True once the interaction is over: nothing brings it back. */
    public boolean isFinal() {
        return this == ENDED || this == ABANDONED || this == REJECTED;
    }
}
