package io.chatsuite.routing.servicelevel.repository;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.routing.servicelevel.CampaignIntervalCounts;
import io.chatsuite.routing.servicelevel.Counts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Read-only queries of the dashboard, straight on the reactive pool: they run from timers and streams as well
 * as from requests, need no Hibernate session, and each answers in one round trip.
 */
@ApplicationScoped
public class DashboardQueries {

    private final PgPool pool;

    public DashboardQueries(PgPool pool) {
        this.pool = pool;
    }

    /** The campaign's queue now. */
    public record Queue(int waiting, Instant oldestQueuedAt) {}

    /** An agent as the dashboard shows it. */
    public record AgentRow(String id, String displayName, PresenceStatus status, int active, int capacity) {}

    /** The mean assigned → ended time of the latest ended interactions, and how many there were. */
    public record HandleTime(Double averageSeconds, long ended) {}

    /** The campaign's intervals that start in [from, to), in order. */
    public Uni<List<CampaignIntervalCounts>> intervals(String campaignId, Instant from, Instant to) {
        return pool.preparedQuery("""
                        select interval_start, offered, answered_within, answered_after,
                               abandoned_short, abandoned_within, abandoned_after
                        from service_level_interval
                        where campaign_id = $1 and interval_start >= $2 and interval_start < $3
                        order by interval_start""")
                .execute(Tuple.of(campaignId, utc(from), utc(to)))
                .map(rows -> {
                    List<CampaignIntervalCounts> result = new ArrayList<>();
                    for (Row r : rows) {
                        result.add(new CampaignIntervalCounts(
                                campaignId,
                                r.getOffsetDateTime(0).toInstant(),
                                new Counts(
                                        r.getLong(1),
                                        r.getLong(2),
                                        r.getLong(3),
                                        r.getLong(4),
                                        r.getLong(5),
                                        r.getLong(6))));
                    }
                    return result;
                });
    }

    public Uni<Queue> queue(String campaignId) {
        // The queue's length is kept in its row by the routing engine; the oldest is the head of the queue index.
        return pool.preparedQuery("select coalesce((select waiting from campaign_queue where campaign_id = $1), 0), "
                        + "(select queued_at from interaction where campaign_id = $1 and state = 'QUEUED' "
                        + "order by queue_seq limit 1)")
                .execute(Tuple.of(campaignId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    OffsetDateTime oldest = r.getOffsetDateTime(1);
                    return new Queue(r.getInteger(0), oldest == null ? null : oldest.toInstant());
                });
    }

    public Uni<List<AgentRow>> agents(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select id, display_name, status, active, capacity from agent where id = any($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    List<AgentRow> result = new ArrayList<>();
                    for (Row r : rows) {
                        result.add(new AgentRow(
                                r.getString(0),
                                r.getString(1),
                                PresenceStatus.valueOf(r.getString(2)),
                                r.getInteger(3),
                                r.getInteger(4)));
                    }
                    return result;
                });
    }

    /**
     * The mean assigned → ended time of at most {@code sample} interactions that ended since {@code endedSince},
     * latest first (a short walk of the ended-interactions index, however busy the campaign).
     */
    public Uni<HandleTime> handleTime(String campaignId, Instant endedSince, int sample) {
        return pool.preparedQuery("""
                        select avg(extract(epoch from (t.closed_at - t.assigned_at)))::float8, count(*)
                        from (select closed_at, assigned_at from interaction
                              where campaign_id = $1 and state = 'ENDED' and closed_at >= $2
                                    and assigned_at is not null
                              order by closed_at desc limit $3) t""")
                .execute(Tuple.of(campaignId, utc(endedSince), sample))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new HandleTime(r.getDouble(0), r.getLong(1));
                });
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
