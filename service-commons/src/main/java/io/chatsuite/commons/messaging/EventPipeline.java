package io.chatsuite.commons.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * The one way a service applies the records of a Kafka channel:
 * <ol>
 * <li>a tombstone, or an event of a type the channel does not follow (types added to the contract later), is
 * skipped;</li>
 * <li>a record that can never be applied (not a CloudEvent, data not valid against its type's JSON Schema, or
 * refused by the handler for what it says, see {@link Failures#isContentError}) fails the message: the channel's
 * {@code failure-strategy=dead-letter-queue} sends it to the service's dead-letter topic with the error in its
 * headers, it is counted ({@code chat_events_dead_lettered_total}) and the partition moves on;</li>
 * <li>any other failure is transient: the same record is retried with exponential back-off, on the record's
 * Vert.x context, until it succeeds. Order is kept and nothing is lost; while it lasts longer than
 * {@code chat.consumers.unhealthy-after}, readiness is DOWN ({@link ConsumerReadiness}).</li>
 * </ol>
 */
public final class EventPipeline {

    private static final Logger LOG = Logger.getLogger(EventPipeline.class);
    private static final Uni<Void> SKIP = Uni.createFrom().voidItem();

    private final String channel;
    private final Set<EventType> types;
    private final EventHandler handler;
    private final PipelineConfig config;
    private final ConsumerProgress progress;
    private final MeterRegistry meters;

    EventPipeline(
            String channel,
            Set<EventType> types,
            EventHandler handler,
            PipelineConfig config,
            ConsumerProgress progress,
            MeterRegistry meters) {
        this.channel = channel;
        this.types = Set.copyOf(types);
        this.handler = handler;
        this.config = config;
        this.progress = progress;
        this.meters = meters;
    }

    /** Applies one record value; the returned Uni fails only for a record that goes to the dead-letter topic. */
    public Uni<Void> process(String value) {
        if (value == null) {
            return SKIP;
        }
        Optional<Decoded> decoded;
        try {
            decoded = decode(value);
        } catch (UnprocessableEventException e) {
            return deadLetter(null, e);
        }
        if (decoded.isEmpty()) {
            return SKIP;
        }
        CloudEvent event = decoded.get().event();
        Record data = decoded.get().data();
        return Uni.createFrom()
                .deferred(() -> handler.apply(event, data).replaceWithVoid())
                .runSubscriptionOn(onCurrentContext())
                .onFailure(EventPipeline::isTransient)
                .invoke(e -> {
                    progress.failed(channel, event.id(), e);
                    meters.counter("chat.events.retried", "channel", channel).increment();
                    LOG.warnf(
                            "Applying event %s (%s) from %s failed, retrying: %s",
                            event.id(), event.type(), channel, e.toString());
                })
                .onFailure(EventPipeline::isTransient)
                .retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .withJitter(0.2)
                .indefinitely()
                .onFailure()
                .recoverWithUni(e -> deadLetter(event, e))
                .invoke(() -> progress.progressed(channel));
    }

    private static boolean isTransient(Throwable failure) {
        return !Failures.isContentError(failure);
    }

    private Optional<Decoded> decode(String value) {
        CloudEvent event;
        try {
            event = EventCodec.decode(value);
        } catch (EventCodec.MalformedEventException e) {
            throw new UnprocessableEventException("unreadable", e.getMessage(), e);
        }
        Optional<EventType> type = EventType.of(event.type()).filter(types::contains);
        if (type.isEmpty()) {
            LOG.debugf("Ignoring event %s of type %s on %s", event.id(), event.type(), channel);
            return Optional.empty();
        }
        JsonNode data = event.data();
        List<String> violations = data == null ? List.of("no data") : EventSchemas.dataViolations(type.get(), data);
        if (!violations.isEmpty()) {
            throw new UnprocessableEventException(
                    "schema-invalid", "Event " + event.id() + " does not follow its schema: " + violations);
        }
        try {
            return Optional.of(
                    new Decoded(event, EventCodec.data(event, type.get().dataClass())));
        } catch (EventCodec.MalformedEventException e) {
            throw new UnprocessableEventException("schema-invalid", e.getMessage(), e);
        }
    }

    private Uni<Void> deadLetter(CloudEvent event, Throwable failure) {
        String reason = Failures.reason(failure);
        meters.counter("chat.events.dead.lettered", "channel", channel, "reason", reason)
                .increment();
        progress.progressed(channel);
        LOG.errorf(
                "Record %s from %s can never be applied (%s), sending it to the dead-letter topic: %s",
                event == null ? "(unreadable)" : event.id(), channel, reason, failure.getMessage());
        // Failing the message makes the connector's dead-letter-queue strategy publish it and commit past it.
        return Uni.createFrom()
                .failure(
                        failure instanceof UnprocessableEventException u
                                ? u
                                : new UnprocessableEventException(
                                        reason, String.valueOf(failure.getMessage()), failure));
    }

    /** Attempts run on the record's Vert.x context, where Hibernate Reactive keeps its session. */
    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }

    private record Decoded(CloudEvent event, Record data) {}
}
