package io.chatsuite.commons.outbox;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The write side of the transactional outbox: an event is stored in the caller's open transaction, so it
 * exists if and only if the change it announces was committed. {@link OutboxRelay} sends it to Kafka.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRelay relay;

    public Outbox(OutboxRelay relay) {
        this.relay = relay;
    }

    /** Adds {@code event} to the outbox; must run inside a reactive transaction. */
    public Uni<Void> add(String key, CloudEvent event) {
        String topic = EventType.of(event.type()).orElseThrow(
                () -> new IllegalArgumentException("Unknown event type " + event.type())).topic();
        return addRaw(topic, key, event.id(), EventCodec.encode(event));
    }

    /** Adds a tombstone (null value) for {@code key} on a compacted topic. */
    public Uni<Void> addTombstone(String topic, String key, String eventId) {
        return addRaw(topic, key, eventId, null);
    }

    private Uni<Void> addRaw(String topic, String key, String eventId, String payload) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into outbox_event(event_id, topic, record_key, payload) values (?1, ?2, ?3, ?4)")
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, payload == null ? OutboxRelay.TOMBSTONE : payload)
                .executeUpdate())
                .invoke(relay::wakeSoon)
                .replaceWithVoid();
    }
}
