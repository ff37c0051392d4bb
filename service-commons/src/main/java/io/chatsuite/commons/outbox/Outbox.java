package io.chatsuite.commons.outbox;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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
        String topic = EventType.of(event.type())
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + event.type()))
                .topic();
        return addRaw(topic, key, event.id(), EventCodec.encode(event));
    }

    /** Adds a tombstone (null value) for {@code key} on a compacted topic. */
    public Uni<Void> addTombstone(String topic, String key, String eventId) {
        return addRaw(topic, key, eventId, null);
    }

    /**
     * Adds {@code events} in one statement on {@code connection}, which must be in the transaction of the change
     * they announce (writers that work on the Vert.x SQL client in batches). The caller wakes the relay after
     * the commit ({@link OutboxRelay#wakeSoon()}).
     */
    public static Uni<Void> addAll(SqlClient connection, List<Keyed> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            CloudEvent event = events.get(i).event();
            ids[i] = event.id();
            topics[i] = EventType.of(event.type())
                    .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + event.type()))
                    .topic();
            keys[i] = events.get(i).key();
            payloads[i] = EventCodec.encode(event);
        }
        // with ordinality keeps the list's order in the sequence numbers, which is the relay's order per key.
        return connection
                .preparedQuery("""
                        insert into outbox_event(event_id, topic, record_key, payload)
                        select e.id, e.topic, e.record_key, e.payload
                        from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[])
                             with ordinality as e(id, topic, record_key, payload, n)
                        order by e.n""")
                .execute(Tuple.of(ids, topics, keys, payloads))
                .replaceWithVoid();
    }

    /** An event and its record key. */
    public record Keyed(String key, CloudEvent event) {}

    private Uni<Void> addRaw(String topic, String key, String eventId, String payload) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
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
