package io.chatsuite.recordings.interaction.messaging;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.recordings.interaction.service.RecordingService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Turns a record of a consumed topic into a recording change: unreadable records are logged and skipped (they
 * can never succeed), transient failures are retried before the record is nacked (the channel then stops, is
 * reported unhealthy and resumes from the same offset after a restart: nothing is lost).
 */
@ApplicationScoped
public class RecordedEvents {

    static final Set<EventType> RECORDED = Set.of(EventType.INTERACTION_QUEUED, EventType.INTERACTION_ASSIGNED,
            EventType.INTERACTION_REJECTED, EventType.INTERACTION_ABANDONED, EventType.INTERACTION_ENDED,
            EventType.CHAT_MESSAGE_SENT);
    private static final Logger LOG = Logger.getLogger(RecordedEvents.class);
    private static final int RETRIES = 8;

    private final RecordingService service;

    public RecordedEvents(RecordingService service) {
        this.service = service;
    }

    public Uni<Void> handle(String topic, String value) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        CloudEvent event;
        Record data;
        try {
            event = EventCodec.decode(value);
            Optional<EventType> type = EventType.of(event.type()).filter(RECORDED::contains);
            if (type.isEmpty()) {
                // Types added to the contract later are not errors: this service just does not record them (yet).
                LOG.debugf("Ignoring event %s of type %s on %s", event.id(), event.type(), topic);
                return Uni.createFrom().voidItem();
            }
            data = EventCodec.data(event, type.get().dataClass());
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("Skipping unreadable record on %s: %s", topic, e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> service.record(event, data))
                // Each attempt runs on the record's Vert.x context, where Hibernate Reactive keeps its session;
                // a back-off delay would otherwise resume on a plain scheduler thread.
                .runSubscriptionOn(onCurrentContext())
                .onFailure().invoke(e -> LOG.warnf("Recording event %s (%s) failed: %s", event.id(), event.type(),
                        e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(RETRIES)
                .onFailure().invoke(e -> LOG.errorf("Giving up on event %s (%s) from %s after %d retries; the "
                        + "channel stops and resumes from this event after a restart", event.id(), event.type(),
                        topic, RETRIES))
                .replaceWithVoid();
    }

    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
