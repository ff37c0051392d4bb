package io.chatsuite.gateway.interaction.messaging;

import io.chatsuite.commons.messaging.EventPipeline;
import io.chatsuite.commons.messaging.EventPipelines;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventType;
import io.chatsuite.events.interaction.InteractionEvent;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.gateway.interaction.service.InteractionProjection;
import io.chatsuite.gateway.live.LiveHub;
import io.chatsuite.gateway.offer.service.OfferBoard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the interaction logs from Kafka: routing's lifecycle events (interactions topic) and chat messages
 * (chat-messages topic), then pushes what was appended to live connections; offers go to the {@link OfferBoard}.
 * Failures follow the suite's one consumer policy ({@link EventPipeline}).
 */
@ApplicationScoped
public class InteractionEventsConsumer {

    private static final Set<EventType> INTERACTION_TYPES = Stream.of(EventType.values())
            .filter(t -> InteractionEvent.class.isAssignableFrom(t.dataClass()))
            .collect(Collectors.toSet());

    private final InteractionProjection projection;
    private final LiveHub hub;
    private final OfferBoard offers;
    private final EventPipeline interactions;
    private final EventPipeline messages;

    public InteractionEventsConsumer(
            InteractionProjection projection, LiveHub hub, OfferBoard offers, EventPipelines pipelines) {
        this.projection = projection;
        this.hub = hub;
        this.offers = offers;
        this.interactions = pipelines.channel("interactions", INTERACTION_TYPES, this::applyInteractionEvent);
        this.messages = pipelines.channel("chat-messages-in", Set.of(EventType.CHAT_MESSAGE_SENT), this::applyMessage);
    }

    @Incoming("interactions")
    public Uni<Void> onInteraction(String value) {
        return interactions.process(value);
    }

    @Incoming("chat-messages-in")
    public Uni<Void> onChatMessage(String value) {
        return messages.process(value);
    }

    private Uni<Void> applyInteractionEvent(CloudEvent event, Record data) {
        InteractionEvent change = (InteractionEvent) data;
        // Offers change only once the event is applied.
        return projection
                .applyInteractionEvent(event.id(), change)
                .invoke(() -> offers.apply(change))
                .invoke(hub::publish)
                .replaceWithVoid();
    }

    private Uni<Void> applyMessage(CloudEvent event, Record data) {
        return projection
                .applyMessage(event.id(), (ChatMessageSent) data)
                .invoke(hub::publish)
                .replaceWithVoid();
    }
}
