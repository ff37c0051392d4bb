package io.chatsuite.signaling.call;

/** The two parties of a call. */
public enum CallRole {
    CUSTOMER,
    AGENT;

    public CallRole other() {
        return this == CUSTOMER ? AGENT : CUSTOMER;
    }
}
