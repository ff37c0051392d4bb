package io.chatsuite.gateway.interaction.messaging;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.gateway.interaction.LogEntry;
import io.chatsuite.gateway.interaction.service.InteractionEvents;
import io.chatsuite.gateway.live.LiveHub;
import io.chatsuite.gateway.offer.service.OfferBoard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the interaction logs from Kafka: routing's lifecycle events (interactions topic) and chat messages
 * (chat-messages topic), then pushes what was appended to live connections; offers go to the {@link OfferBoard}. An unreadable record is logged
 * and skipped; a failure to store (database down) is retried in place, so nothing is lost or reordered.
 */
@ApplicationScoped
public class InteractionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(InteractionEventsConsumer.class);

    private final InteractionEvents events;
    private final LiveHub hub;
    private final OfferBoard offers;

    public InteractionEventsConsumer(InteractionEvents events, LiveHub hub, OfferBoard offers) {
        this.events = events;
        this.hub = hub;
        this.offers = offers;
    }

    @Incoming("interactions")
    public Uni<Void> onInteraction(String value) {
        return read(value, Topics.INTERACTIONS).map(event -> apply(event, () -> {
            Record data = EventCodec.data(event);
            // Offers change only once the event is applied (and only for readable events).
            return events.applyInteractionEvent(event.id(), interactionId(data), data)
                    .invoke(() -> offers.apply(data));
        })).orElseGet(() -> Uni.createFrom().voidItem());
    }

    @Incoming("chat-messages-in")
    public Uni<Void> onChatMessage(String value) {
        return read(value, Topics.CHAT_MESSAGES).map(event -> apply(event, () -> {
            ChatMessageSent message = EventCodec.data(event, ChatMessageSent.class);
            return events.applyMessage(event.id(), message);
        })).orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> apply(CloudEvent event, Supplier<Uni<List<LogEntry>>> change) {
        Uni<List<LogEntry>> attempt = Uni.createFrom().deferred(change::get);
        Context context = Vertx.currentContext();
        if (context != null) {
            // Retries resubscribe from a timer thread; the reactive session must be used on the Vert.x context.
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(v -> task.run()));
        }
        return attempt
                .onFailure(EventCodec.MalformedEventException.class).recoverWithItem(e -> {
                    LOG.warnf("Skipping event %s (%s): %s", event.id(), event.type(), e.getMessage());
                    return List.of();
                })
                .onFailure().invoke(e -> LOG.warnf("Cannot apply event %s (%s), retrying: %s", event.id(),
                        event.type(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .invoke(hub::publish)
                .replaceWithVoid();
    }

    /** The event in {@code value} when it is a readable event of {@code topic}; empty (and logged) otherwise. */
    private static Optional<CloudEvent> read(String value, String topic) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            CloudEvent event = EventCodec.decode(value);
            Optional<EventType> type = EventType.of(event.type());
            if (type.isEmpty() || !type.get().topic().equals(topic)) {
                LOG.debugf("Ignoring event %s of type %s on %s", event.id(), event.type(), topic);
                return Optional.empty();
            }
            return Optional.of(event);
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("Skipping unreadable record on %s: %s", topic, e.getMessage());
            return Optional.empty();
        }
    }

    private static String interactionId(Record data) {
        return switch (data) {
            case InteractionQueued e -> e.interactionId();
            case InteractionAssigned e -> e.interactionId();
            case InteractionRejected e -> e.interactionId();
            case InteractionAbandoned e -> e.interactionId();
            case InteractionEnded e -> e.interactionId();
            default -> null;
        };
    }
}
