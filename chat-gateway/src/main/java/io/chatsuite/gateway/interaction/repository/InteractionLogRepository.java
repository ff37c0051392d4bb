package io.chatsuite.gateway.interaction.repository;

import io.chatsuite.gateway.interaction.LogEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The interaction log table. Appends run in the caller's reactive transaction (under the session row's lock);
 * replays read through the plain reactive client, so a push path on any thread can read without a session.
 */
@ApplicationScoped
public class InteractionLogRepository {

    private final Pool pool;

    public InteractionLogRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts one entry; false when {@code eventId} is already in the log (a redelivered event). */
    public Uni<Boolean> insert(String interactionId, long seq, String eventId, String type, String frame) {
        // Bound as text and then cast: the pg client would write a String bound to jsonb as a JSON string.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into interaction_log(interaction_id, seq, event_id, type, frame) values "
                                        + "(?1, ?2, ?3, ?4, cast(cast(?5 as text) as jsonb)) on conflict (event_id) do nothing")
                        .setParameter(1, interactionId)
                        .setParameter(2, seq)
                        .setParameter(3, eventId)
                        .setParameter(4, type)
                        .setParameter(5, frame)
                        .executeUpdate())
                .map(n -> n == 1);
    }

    /** The entries after {@code seq}, in order. */
    public Uni<List<LogEntry>> after(String interactionId, long seq) {
        return pool.preparedQuery("select seq, type, frame::text as frame from interaction_log "
                        + "where interaction_id = $1 and seq > $2 order by seq")
                .execute(Tuple.of(interactionId, seq))
                .map(rows -> {
                    List<LogEntry> entries = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        entries.add(new LogEntry(
                                interactionId,
                                row.getLong("seq"),
                                row.getString("type"),
                                row.getString("frame"),
                                null));
                    }
                    return entries;
                });
    }
}
