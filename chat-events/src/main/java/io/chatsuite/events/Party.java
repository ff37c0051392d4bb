package io.chatsuite.events;

/** Who did something in an interaction. */
public enum Party {
    CUSTOMER,
    AGENT,
    SYSTEM
}
