package io.chatsuite.events.interaction;

import io.chatsuite.events.Party;
import java.time.Instant;

/** An assigned interaction is over; its agent is free again. */
public record InteractionEnded(String interactionId, String campaignId, String agentId, Party endedBy, Instant endedAt)
        implements InteractionEvent {}
