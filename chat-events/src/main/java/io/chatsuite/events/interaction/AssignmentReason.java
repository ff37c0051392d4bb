package io.chatsuite.events.interaction;

import io.chatsuite.events.campaign.Strategy;
import java.util.List;

/** Why an agent got an interaction: the strategy, every candidate with its score, and the winner's score. */
public record AssignmentReason(Strategy strategy, List<Candidate> candidates, double winnerScore) {

    public record Candidate(String agentId, double score) {}
}
