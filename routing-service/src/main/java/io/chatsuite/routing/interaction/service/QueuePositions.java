package io.chatsuite.routing.interaction.service;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.mapping.InteractionEvents;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Tells waiting customers their new place when the queue moves: each waiting interaction whose position changed
 * gets a fresh {@code queued} event. Runs under the campaign's queue lock, in the transaction that moved it.
 */
@ApplicationScoped
public class QueuePositions {

    private final InteractionRepository interactions;
    private final Outbox outbox;

    public QueuePositions(InteractionRepository interactions, Outbox outbox) {
        this.interactions = interactions;
        this.outbox = outbox;
    }

    public Uni<Void> announce(String campaignId) {
        return interactions.waiting(campaignId).chain(this::announceChanged);
    }

    private Uni<Void> announceChanged(List<Interaction> waiting) {
        return Multi.createFrom().range(0, waiting.size())
                .onItem().transformToUniAndConcatenate(index -> {
                    Interaction i = waiting.get(index);
                    int position = index + 1;
                    if (i.announcedPosition != null && i.announcedPosition == position) {
                        return Uni.createFrom().voidItem();
                    }
                    return interactions.announcePosition(i.id, position)
                            .chain(() -> outbox.add(i.id, InteractionEvents.queued(i, position)));
                })
                .collect().last().replaceWithVoid();
    }
}
