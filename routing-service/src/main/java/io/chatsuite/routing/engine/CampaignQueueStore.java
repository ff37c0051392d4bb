package io.chatsuite.routing.engine;

import static io.chatsuite.routing.engine.SqlValues.map;
import static io.chatsuite.routing.engine.SqlValues.strings;

import io.chatsuite.routing.support.LostRaceException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code campaign_queue} table, one row per queue: the lock every change to a queue takes first, the
 * round-robin cursor and the number waiting. Only the routing engine writes it.
 */
final class CampaignQueueStore {

    private CampaignQueueStore() {}

    /** A queue's row as locked: the round-robin cursor and the number waiting. */
    record QueueRow(String lastAssignedTo, int waiting) {}

    /**
     * Locks the queues (in id order: concurrent batches never deadlock on them) until the transaction ends; yields
     * each one's row. {@code known}: queues whose row was committed before, whose insert is skipped (the caller
     * adds the queues it locked once its transaction committed).
     */
    static Uni<Map<String, QueueRow>> lockQueues(SqlClient c, Collection<String> campaignIds, Set<String> known) {
        String[] ids = campaignIds.stream().sorted().distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        Uni<Void> inserted = known.containsAll(List.of(ids))
                ? Uni.createFrom().voidItem()
                : c.preparedQuery("insert into campaign_queue(campaign_id) select unnest($1::varchar[]) "
                                + "on conflict do nothing")
                        .execute(Tuple.of((Object) ids))
                        .replaceWithVoid();
        return Uni.combine()
                .all()
                .unis(
                        inserted,
                        c.preparedQuery("select campaign_id, last_assigned_to, waiting from campaign_queue "
                                        + "where campaign_id = any($1) order by campaign_id for update")
                                .execute(Tuple.of((Object) ids)))
                .asTuple()
                .map(Tuple2::getItem2)
                .map(rows -> {
                    Map<String, QueueRow> out = new HashMap<>();
                    rows.forEach(r -> out.put(
                            r.getString("campaign_id"),
                            new QueueRow(r.getString("last_assigned_to"), r.getInteger("waiting"))));
                    if (out.size() < ids.length) {
                        // A row believed to exist is not there (its insert was rolled back): insert it this time.
                        known.removeAll(List.of(ids));
                        throw new LostRaceException("queue rows missing for " + List.of(ids));
                    }
                    return out;
                });
    }

    /** Writes the queues' cursors and lengths. */
    static Uni<Void> updateQueues(SqlClient c, Map<String, QueueRow> queues) {
        if (queues.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = List.copyOf(queues.keySet());
        return c.preparedQuery("update campaign_queue q set last_assigned_to = x.agent, waiting = x.waiting "
                        + "from unnest($1::varchar[], $2::varchar[], $3::int4[]) as x(campaign, agent, waiting) "
                        + "where q.campaign_id = x.campaign")
                .execute(Tuple.of(
                        strings(ids),
                        map(ids, id -> queues.get(id).lastAssignedTo(), String[]::new),
                        map(ids, id -> queues.get(id).waiting(), Integer[]::new)))
                .replaceWithVoid();
    }
}
