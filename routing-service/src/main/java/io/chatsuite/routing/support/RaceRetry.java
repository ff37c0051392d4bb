package io.chatsuite.routing.support;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Routing's one retry policy for a unit of work that lost a race (a deadlock, a serialization failure, a duplicate
 * insert, a row changed by another instance): Mutiny's retry with exponential backoff, five attempts in all.
 */
public final class RaceRetry {

    private static final int RETRIES = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(200);
    // deadlock_detected, serialization_failure, unique_violation, lock_not_available
    private static final Set<String> TRANSIENT_STATES = Set.of("40P01", "40001", "23505", "55P03");

    private RaceRetry() {}

    /** Subscribes to a fresh {@code work()}, again after a pause while it fails transiently. */
    public static <T> Uni<T> retried(Supplier<Uni<T>> work) {
        return Uni.createFrom()
                .deferred(work::get)
                .onFailure(RaceRetry::isTransient)
                .retry()
                .withBackOff(FIRST_BACKOFF, MAX_BACKOFF)
                .atMost(RETRIES);
    }

    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LostRaceException) {
                return true;
            }
            if (t instanceof PgException pg && TRANSIENT_STATES.contains(pg.getSqlState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
