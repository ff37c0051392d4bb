package io.chatsuite.commons.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Idempotent consumption: a consumer records each event id in the same transaction as the change the event
 * causes, and skips an event it has already recorded.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True the first time {@code consumer} sees {@code eventId}; must run inside a reactive transaction. */
    public Uni<Boolean> firstTime(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into processed_event(consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
