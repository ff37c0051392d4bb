package io.chatsuite.routing.servicelevel.repository;

import io.chatsuite.routing.servicelevel.Intervals;
import io.chatsuite.routing.servicelevel.Outcome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

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
}
