package io.chatsuite.commons.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Idempotent consumption: a consumer records each event id in the same transaction as the change the event
 * causes, and skips an event it has already recorded.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True the first time {@code consumer} sees {@code eventId}; must run inside a reactive transaction. */
    public Uni<Boolean> firstTime(String consumer, String eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into processed_event(consumer, event_id) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Of {@code eventIds}, those {@code consumer} sees for the first time, recorded in one statement on
     * {@code connection} (which must be in the transaction of the changes they cause).
     */
    public static Uni<Set<String>> firstTime(SqlClient connection, String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection
                .preparedQuery("""
                        insert into processed_event(consumer, event_id) select $1, id from unnest($2::varchar[]) id
                        on conflict do nothing returning event_id""")
                .execute(Tuple.of(consumer, eventIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getString("event_id")));
                    return fresh;
                });
    }
}
