package io.chatsuite.events.interaction;

public enum RejectReason {
    /** The queue already holds the campaign's maximum of waiting interactions. */
    UNAVAILABLE,
    OUT_OF_HOURS,
    UNKNOWN_CAMPAIGN
}
