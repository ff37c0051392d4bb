package io.chatsuite.routing.assignment;

import java.time.Instant;

/**
 * An agent who may take an interaction now: a member of the campaign, available and below capacity.
 *
 * @param lastEndedAt     when the agent's last interaction ended, null if it never had one
 * @param availableSince  when the agent last became available
 */
public record CandidateAgent(String agentId, int active, int capacity, Instant lastEndedAt, Instant availableSince) {

    /** Since when the agent has had nothing to do; null while it holds an interaction. */
    public Instant idleSince() {
        if (active > 0) {
            return null;
        }
        if (lastEndedAt == null) {
            return availableSince;
        }
        return availableSince == null || lastEndedAt.isAfter(availableSince) ? lastEndedAt : availableSince;
    }
}
