package io.chatsuite.routing.support;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Re-runs a unit of work that lost a race (a deadlock, a serialization failure, a duplicate insert, an agent
 * taken by another queue), pausing with Vert.x timers: Hibernate Reactive must stay on the caller's Vert.x
 * context, which Mutiny's own delays would leave.
 */
@ApplicationScoped
public class Retries {

    // deadlock_detected, serialization_failure, unique_violation, lock_not_available
    private static final Set<String> TRANSIENT_STATES = Set.of("40P01", "40001", "23505", "55P03");

    private final Vertx vertx;

    public Retries(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Subscribes to a fresh {@code work()} up to {@code attempts} times while it fails transiently. */
    public <T> Uni<T> onTransientFailure(Supplier<Uni<T>> work, int attempts) {
        return Uni.createFrom().deferred(work::get).onFailure(e -> isTransient(e) && attempts > 1).recoverWithUni(
                e -> pause(Duration.ofMillis(20L * (6 - Math.min(attempts, 5))))
                        .chain(() -> onTransientFailure(work, attempts - 1)));
    }

    /** Completes after {@code delay} on the caller's Vert.x context. */
    public Uni<Void> pause(Duration delay) {
        return Uni.createFrom().emitter(em -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> em.complete(null)));
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
