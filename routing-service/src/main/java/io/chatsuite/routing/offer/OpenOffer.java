package io.chatsuite.routing.offer;

import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import java.time.Instant;

/**
 * An interaction offered to one agent who has not answered yet.
 *
 * @param expiresAt null for a MANUAL offer (open until someone picks the interaction)
 * @param reserves  whether the offer holds one unit of the agent's capacity
 * @param reason    why the agent was chosen (strategy, candidates and scores when offered)
 */
public record OpenOffer(
        String interactionId,
        String agentId,
        String campaignId,
        Strategy strategy,
        Instant offeredAt,
        Instant expiresAt,
        boolean reserves,
        AssignmentReason reason) {

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
