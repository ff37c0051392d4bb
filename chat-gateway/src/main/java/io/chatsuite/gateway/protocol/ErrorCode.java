package io.chatsuite.gateway.protocol;

/** The error codes of protocols.md, sent in {@code error} frames. */
public enum ErrorCode {
    BAD_FRAME,
    UNKNOWN_TYPE,
    TOO_LARGE,
    HELLO_FIRST,
    SESSION_INVALID,
    NOT_ASSIGNED,
    NOT_OFFERED,
    CHAT_ENDED,
    CAMPAIGN_CLOSED,
    UNAVAILABLE
}
