package io.chatsuite.routing.engine;

import static io.chatsuite.routing.engine.SqlValues.map;
import static io.chatsuite.routing.engine.SqlValues.time;

import io.chatsuite.routing.servicelevel.Intervals;
import io.chatsuite.routing.servicelevel.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The {@code service_level_interval} table: each campaign's outcome counters per 15-minute interval. Only the
 * routing engine writes it, adding what each batch decided; the dashboard reads it.
 */
final class ServiceLevelCounterStore {

    private ServiceLevelCounterStore() {}

    /** A campaign's counters of one 15-minute interval. */
    record IntervalKey(String campaignId, Instant intervalStart) {

        static IntervalKey of(String campaignId, Instant arrivedAt) {
            return new IntervalKey(campaignId, Intervals.start(arrivedAt));
        }
    }

    /** Adds the batch's outcomes to the service-level counters, one row per campaign and interval. */
    static Uni<Void> countOutcomes(SqlClient c, Map<IntervalKey, int[]> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<IntervalKey> keys = List.copyOf(counts.keySet());
        Object[] columns = new Object[2 + Outcome.values().length];
        columns[0] = map(keys, IntervalKey::campaignId, String[]::new);
        columns[1] = map(keys, k -> time(k.intervalStart()), OffsetDateTime[]::new);
        for (Outcome o : Outcome.values()) {
            columns[2 + o.ordinal()] = map(keys, k -> counts.get(k)[o.ordinal()], Integer[]::new);
        }
        StringBuilder sql = new StringBuilder("insert into service_level_interval as s(campaign_id, interval_start");
        StringBuilder types = new StringBuilder("$1::varchar[], $2::timestamptz[]");
        StringBuilder update = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            sql.append(", ").append(o.column());
            types.append(", $").append(3 + o.ordinal()).append("::int4[]");
            update.append(update.isEmpty() ? "" : ", ")
                    .append(o.column())
                    .append(" = s.")
                    .append(o.column())
                    .append(" + excluded.")
                    .append(o.column());
        }
        sql.append(") select * from unnest(")
                .append(types)
                .append(") on conflict (campaign_id, interval_start) ")
                .append("do update set ")
                .append(update);
        return c.preparedQuery(sql.toString()).execute(Tuple.wrap(columns)).replaceWithVoid();
    }
}
