package io.chatsuite.signaling.interaction.service;

import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionEvent;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.signaling.interaction.Interaction;
import io.chatsuite.signaling.interaction.repository.InteractionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Keeps the local view of interactions current from the interactions topic (each event once) and reads it. */
@ApplicationScoped
public class InteractionService {

    static final String CONSUMER = "signaling-service";

    private final InteractionRepository repository;
    private final ProcessedEvents processedEvents;

    public InteractionService(InteractionRepository repository, ProcessedEvents processedEvents) {
        this.repository = repository;
        this.processedEvents = processedEvents;
    }

    /** Applies one interaction event; the interaction as it now is, or null for an event applied before. */
    @WithTransaction
    public Uni<Interaction> apply(CloudEvent event, InteractionEvent data) {
        String id = data.interactionId();
        return processedEvents.firstTime(CONSUMER, event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().nullItem();
            }
            return repository.findById(id).chain(found -> {
                Interaction interaction = found != null ? found : Interaction.of(id);
                switch (data) {
                    case InteractionQueued e -> interaction.apply(e);
                    case InteractionAssigned e -> interaction.apply(e);
                    case InteractionRejected e -> interaction.apply(e);
                    case InteractionAbandoned e -> interaction.apply(e);
                    case InteractionEnded e -> interaction.apply(e);
                    case InteractionOffered ignored -> {
                        // Offers do not change who may call: only the assignment does.
                    }
                }
                interaction.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                return found != null ? Uni.createFrom().item(interaction) : repository.persist(interaction);
            });
        });
    }

    @WithSession
    public Uni<Interaction> find(String id) {
        return repository.findById(id);
    }
}
