package io.chatsuite.signaling.interaction.messaging;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.signaling.call.service.CallRooms;
import io.chatsuite.signaling.interaction.service.InteractionService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the interactions topic to know each interaction's agent and whether it is open; ends the calls of an
 * interaction that is over. Unreadable records are logged and skipped (they can never succeed); transient
 * failures are retried before the record is nacked (the channel then stops and is reported unhealthy, and
 * resumes from the same offset after a restart: nothing is lost).
 */
@ApplicationScoped
public class InteractionEventsConsumer {

    static final Set<EventType> FOLLOWED = Set.of(EventType.INTERACTION_QUEUED, EventType.INTERACTION_ASSIGNED,
            EventType.INTERACTION_REJECTED, EventType.INTERACTION_ABANDONED, EventType.INTERACTION_ENDED);
    private static final Logger LOG = Logger.getLogger(InteractionEventsConsumer.class);
    private static final int RETRIES = 8;

    private final InteractionService service;
    private final CallRooms rooms;

    public InteractionEventsConsumer(InteractionService service, CallRooms rooms) {
        this.service = service;
        this.rooms = rooms;
    }

    @Incoming("interactions")
    public Uni<Void> consume(String value) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        CloudEvent event;
        Record data;
        try {
            event = EventCodec.decode(value);
            Optional<EventType> type = EventType.of(event.type()).filter(FOLLOWED::contains);
            if (type.isEmpty()) {
                // Types added to the contract later are not errors: signaling just does not need them (yet).
                LOG.debugf("Ignoring event %s of type %s", event.id(), event.type());
                return Uni.createFrom().voidItem();
            }
            data = EventCodec.data(event, type.get().dataClass());
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("Skipping unreadable record on interactions: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (InteractionService.interactionId(data) == null) {
            LOG.warnf("Skipping event %s (%s) without an interaction id", event.id(), event.type());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> service.apply(event, data))
                // Each attempt runs on the record's Vert.x context, where Hibernate Reactive keeps its session;
                // a back-off delay would otherwise resume on a plain scheduler thread.
                .runSubscriptionOn(onCurrentContext())
                .onFailure().invoke(e -> LOG.warnf("Applying event %s (%s) failed: %s", event.id(), event.type(),
                        e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(RETRIES)
                .onFailure().invoke(e -> LOG.errorf("Giving up on event %s (%s) after %d retries; the channel "
                        + "stops and resumes from this event after a restart", event.id(), event.type(), RETRIES))
                .invoke(interaction -> {
                    if (interaction != null && interaction.state.isFinal()) {
                        rooms.end(interaction.id);
                    }
                })
                .replaceWithVoid();
    }

    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
