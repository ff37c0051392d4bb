package io.chatsuite.recordings.interaction.messaging;

import io.chatsuite.commons.messaging.EventPipeline;
import io.chatsuite.commons.messaging.EventPipelines;
import io.chatsuite.events.EventType;
import io.chatsuite.recordings.interaction.service.RecordingService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records interactions from two topics: their lifecycle from routing ({@code interactions}) and their messages
 * ({@code chat-messages}) into the transcripts. Failures follow the suite's one consumer policy
 * ({@link EventPipeline}).
 */
@ApplicationScoped
public class InteractionEventsConsumer {

    static final Set<EventType> LIFECYCLE = Set.of(
            EventType.INTERACTION_QUEUED,
            EventType.INTERACTION_ASSIGNED,
            EventType.INTERACTION_REJECTED,
            EventType.INTERACTION_ABANDONED,
            EventType.INTERACTION_ENDED);

    private final EventPipeline interactions;
    private final EventPipeline messages;

    public InteractionEventsConsumer(RecordingService service, EventPipelines pipelines) {
        this.interactions = pipelines.channel("interactions", LIFECYCLE, service::record);
        this.messages = pipelines.channel("chat-messages", Set.of(EventType.CHAT_MESSAGE_SENT), service::record);
    }

    @Incoming("interactions")
    public Uni<Void> onInteraction(String value) {
        return interactions.process(value);
    }

    @Incoming("chat-messages")
    public Uni<Void> onChatMessage(String value) {
        return messages.process(value);
    }
}
