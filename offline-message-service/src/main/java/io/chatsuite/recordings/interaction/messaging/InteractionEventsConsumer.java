package io.chatsuite.recordings.interaction.messaging;

import io.chatsuite.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records the lifecycle of interactions (queued, assigned, rejected, abandoned, ended) from routing. */
@ApplicationScoped
public class InteractionEventsConsumer {

    private final RecordedEvents events;

    public InteractionEventsConsumer(RecordedEvents events) {
        this.events = events;
    }

    @Incoming("interactions")
    public Uni<Void> consume(String value) {
        return events.handle(Topics.INTERACTIONS, value);
    }
}
