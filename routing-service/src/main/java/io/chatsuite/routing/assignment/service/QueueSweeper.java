package io.chatsuite.routing.assignment.service;

import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.engine.QueuePositions;
import io.chatsuite.routing.engine.RoutingEngine;
import io.chatsuite.routing.support.Times;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * The clock of assignment. Every few seconds each queue with someone waiting is dispatched again: events trigger
 * dispatch at once, and this catches what a crash between commit and dispatch, a lost race or a campaign change
 * (new members) left waiting, and restores every queue after a restart (positions included). Every second,
 * expired offers move on.
 */
@ApplicationScoped
public class QueueSweeper {

    private final RoutingEngine engine;
    private final QueuePositions positions;
    private final Campaigns campaigns;
    private final Clock clock;
    private volatile boolean stopping;

    public QueueSweeper(RoutingEngine engine, QueuePositions positions, Campaigns campaigns, Clock clock) {
        this.engine = engine;
        this.positions = positions;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Scheduled(
            every = "${chat.routing.sweep-interval:5s}",
            delayed = "${chat.routing.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (stopping || !campaigns.isCaughtUp()) {
            return Uni.createFrom().voidItem();
        }
        return engine.campaignsWithWaiting().invoke(positions::moved).chain(engine::dispatch);
    }

    /**
     * Offers past their expiry go to the next agent. Expiry times are stored, so after a restart the offers a
     * crashed instance made expire when they were due (or at once, if that time has passed).
     */
    @Scheduled(
            every = "${chat.routing.offer-check-interval:1s}",
            delayed = "${chat.routing.offer-check-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireOffers() {
        if (stopping || !campaigns.isCaughtUp()) {
            return Uni.createFrom().voidItem();
        }
        return engine.campaignsWithExpiredOffers(Times.now(clock)).chain(engine::dispatch);
    }

    /** The database pool closes during shutdown; ticks that fire meanwhile have nothing to do. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
