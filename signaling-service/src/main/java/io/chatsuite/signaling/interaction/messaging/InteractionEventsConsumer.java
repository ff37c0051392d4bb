package io.chatsuite.signaling.interaction.messaging;

import io.chatsuite.commons.messaging.EventPipeline;
import io.chatsuite.commons.messaging.EventPipelines;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventType;
import io.chatsuite.events.interaction.InteractionEvent;
import io.chatsuite.signaling.call.service.CallRooms;
import io.chatsuite.signaling.interaction.service.InteractionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the interactions topic to know each interaction's agent and whether it is open; ends the calls of an
 * interaction that is over. Failures follow the suite's one consumer policy ({@link EventPipeline}).
 */
@ApplicationScoped
public class InteractionEventsConsumer {

    static final Set<EventType> FOLLOWED = Set.of(
            EventType.INTERACTION_QUEUED,
            EventType.INTERACTION_ASSIGNED,
            EventType.INTERACTION_REJECTED,
            EventType.INTERACTION_ABANDONED,
            EventType.INTERACTION_ENDED);

    private final InteractionService service;
    private final CallRooms rooms;
    private final EventPipeline pipeline;

    public InteractionEventsConsumer(InteractionService service, CallRooms rooms, EventPipelines pipelines) {
        this.service = service;
        this.rooms = rooms;
        this.pipeline = pipelines.channel("interactions", FOLLOWED, this::apply);
    }

    @Incoming("interactions")
    public Uni<Void> consume(String value) {
        return pipeline.process(value);
    }

    private Uni<Void> apply(CloudEvent event, Record data) {
        return service.apply(event, (InteractionEvent) data)
                .invoke(interaction -> {
                    if (interaction != null && interaction.state.isFinal()) {
                        rooms.end(interaction.id);
                    }
                })
                .replaceWithVoid();
    }
}
