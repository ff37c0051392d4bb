package io.chatsuite.routing.interaction.api;

import io.chatsuite.events.campaign.Strategy;
import java.time.Instant;
import java.util.List;

/** A campaign's queue, first come first: what supervisors watch and agents of manual campaigns pick from. */
public record QueueView(String campaignId, String campaignName, Strategy strategy, List<Waiting> waiting) {

    public record Waiting(
            String interactionId,
            int position,
            String customerName,
            String language,
            Instant queuedAt,
            long waitingSeconds) {}
}
