package io.chatsuite.routing.servicelevel.repository;

import io.chatsuite.routing.servicelevel.Counts;
import io.chatsuite.routing.servicelevel.IntervalCounts;
import io.chatsuite.routing.servicelevel.Intervals;
import io.chatsuite.routing.servicelevel.Outcome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/** Raw service-level counters per campaign and interval; incremented in the transaction of the outcome. */
@ApplicationScoped
public class ServiceLevelRepository {

    /** Counts one outcome of an interaction that arrived at {@code arrivedAt}; must run in a transaction. */
    public Uni<Void> count(String campaignId, Instant arrivedAt, Outcome outcome) {
        // The column comes from the enum, never from input.
        String column = outcome.column();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into service_level_interval(campaign_id, interval_start, " + column + ") "
                                + "values (?1, ?2, 1) on conflict (campaign_id, interval_start) do update set "
                                + column + " = service_level_interval." + column + " + 1")
                .setParameter(1, campaignId)
                .setParameter(2, Intervals.start(arrivedAt))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The intervals of the given campaigns that start in [from, to), in order. */
    public Uni<List<IntervalCounts>> intervals(Collection<String> campaignIds, Instant from, Instant to) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select campaign_id, interval_start, offered, answered_within, answered_after,
                               abandoned_short, abandoned_within, abandoned_after
                        from service_level_interval
                        where campaign_id in (?1) and interval_start >= ?2 and interval_start < ?3
                        order by campaign_id, interval_start""", Object[].class)
                .setParameter(1, campaignIds)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList())
                .map(rows -> rows.stream().map(ServiceLevelRepository::toCounts).toList());
    }

    private static IntervalCounts toCounts(Object[] row) {
        return new IntervalCounts((String) row[0], instant(row[1]), new Counts(number(row[2]), number(row[3]),
                number(row[4]), number(row[5]), number(row[6]), number(row[7])));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp " + value);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
