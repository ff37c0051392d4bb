package io.chatsuite.testing;

import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.interaction.RejectReason;
import java.time.Instant;
import java.util.List;

/**
 * The events of one interaction as routing-service publishes them, for tests: queued, assigned, ended, abandoned,
 * rejected. Defaults: agent alice, customer Carla, language en, longest idle, everything happening now.
 */
public final class InteractionFixture {

    private final String interactionId;
    private final String campaignId;
    private String agentId = "alice";
    private String customerName = "Carla";
    private String language = "en";
    private Strategy strategy = Strategy.LONGEST_IDLE;
    private double score = 1.0;
    private boolean withReason = true;
    private Instant requestedAt;
    private Instant at;

    private InteractionFixture(String interactionId, String campaignId) {
        this.interactionId = interactionId;
        this.campaignId = campaignId;
    }

    public static InteractionFixture interaction(String interactionId, String campaignId) {
        return new InteractionFixture(interactionId, campaignId);
    }

    public InteractionFixture withAgent(String agentId) {
        this.agentId = agentId;
        return this;
    }

    public InteractionFixture withCustomerName(String customerName) {
        this.customerName = customerName;
        return this;
    }

    public InteractionFixture withLanguage(String language) {
        this.language = language;
        return this;
    }

    /** The strategy and the winner's score the assignment's reason names. */
    public InteractionFixture withReason(Strategy strategy, double score) {
        this.strategy = strategy;
        this.score = score;
        this.withReason = true;
        return this;
    }

    /** An assignment without a reason, as published before the contract carried one. */
    public InteractionFixture withoutReason() {
        this.withReason = false;
        return this;
    }

    /** When the customer asked for an agent; by default the moment the event is built. */
    public InteractionFixture withRequestedAt(Instant requestedAt) {
        this.requestedAt = requestedAt;
        return this;
    }

    /** When the event happened (queued, assigned, ended...); by default the moment it is built. */
    public InteractionFixture withAt(Instant at) {
        this.at = at;
        return this;
    }

    public InteractionQueued queued(int position) {
        return new InteractionQueued(interactionId, campaignId, position, at());
    }

    /** Queued at {@code position} with routing's predicted wait (null: no estimate yet). */
    public InteractionQueued queued(int position, Integer estimatedWaitSeconds) {
        return new InteractionQueued(interactionId, campaignId, position, at(), estimatedWaitSeconds);
    }

    public InteractionAssigned assigned() {
        AssignmentReason reason = withReason
                ? new AssignmentReason(strategy, List.of(new AssignmentReason.Candidate(agentId, score)), score)
                : null;
        return new InteractionAssigned(
                interactionId, campaignId, agentId, customerName, language, requestedAt(), at(), reason);
    }

    public InteractionEnded ended(Party by) {
        return new InteractionEnded(interactionId, campaignId, agentId, by, at());
    }

    public InteractionAbandoned abandoned() {
        return new InteractionAbandoned(interactionId, campaignId, requestedAt(), at());
    }

    public InteractionRejected rejected(RejectReason reason) {
        return new InteractionRejected(interactionId, campaignId, reason, at());
    }

    private Instant requestedAt() {
        return requestedAt == null ? Instant.now() : requestedAt;
    }

    private Instant at() {
        return at == null ? Instant.now() : at;
    }
}
