package io.chatsuite.gateway.interaction;

/**
 * One sequenced frame of an interaction's log, as stored and as pushed to live connections.
 *
 * @param frame   the JSON frame, already carrying {@code interactionId} and {@code seq}
 * @param agentId for an {@code assigned} entry pushed live: the agent who got the interaction (null otherwise)
 */
public record LogEntry(String interactionId, long seq, String type, String frame, String agentId) {

    public static final String ASSIGNED = "assigned";
    public static final String ENDED = "ended";
    public static final String REJECTED = "rejected";

    /** True for the frames after which the customer can no longer write. */
    public boolean closesChat() {
        return ENDED.equals(type) || REJECTED.equals(type);
    }
}
