package io.chatsuite.recordings.interaction.api;

import io.chatsuite.events.Party;
import io.chatsuite.recordings.interaction.Outcome;
import java.time.Instant;
import java.util.List;

/** The recording of one interaction with its transcript in order. */
public record InteractionDetail(
        String id,
        String campaignId,
        String campaignName,
        String securityGroup,
        InteractionSummary.Customer customer,
        String agentId,
        Instant requestedAt,
        Instant assignedAt,
        Instant endedAt,
        Outcome outcome,
        Party endedBy,
        String rejectReason,
        List<TranscriptEntry> transcript) {}
