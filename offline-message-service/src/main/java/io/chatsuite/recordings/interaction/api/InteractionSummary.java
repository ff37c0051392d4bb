package io.chatsuite.recordings.interaction.api;

import io.chatsuite.events.Party;
import io.chatsuite.recordings.interaction.Outcome;
import java.time.Instant;

/** One interaction in a list of recordings. Fields not known yet are absent. */
public record InteractionSummary(
        String id,
        String campaignId,
        String campaignName,
        String securityGroup,
        Customer customer,
        String agentId,
        Instant requestedAt,
        Instant assignedAt,
        Instant endedAt,
        Outcome outcome,
        Party endedBy) {

    public record Customer(String name, String language) {}
}
