package io.chatsuite.gateway.live;

/** Who is on the other end of a connection; decides how a log entry is shown. */
public enum Audience {
    CUSTOMER,
    AGENT
}
