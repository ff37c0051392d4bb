package io.chatsuite.routing.assignment.service;

import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.chatsuite.routing.offer.repository.OfferRepository;
import io.chatsuite.routing.support.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The clock of assignment. Every few seconds each queue with someone waiting is dispatched again: events trigger
 * dispatch at once, and this catches what a crash between commit and dispatch, a lost race or a campaign change
 * (new members) left waiting, and restores every queue after a restart. Every second, expired offers move on.
 */
@ApplicationScoped
public class QueueSweeper {

    private final InteractionRepository interactions;
    private final Dispatcher dispatcher;
    private final Campaigns campaigns;
    private final OfferRepository offers;
    private final Clock clock;

    public QueueSweeper(InteractionRepository interactions, Dispatcher dispatcher, Campaigns campaigns,
            OfferRepository offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
        this.interactions = interactions;
        this.dispatcher = dispatcher;
        this.campaigns = campaigns;
    }

    @Scheduled(every = "${chat.routing.sweep-interval:5s}", delayed = "${chat.routing.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (!campaigns.isCaughtUp()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(interactions::campaignsWithWaiting).chain(dispatcher::dispatch);
    }

    /**
     * Offers past their expiry go to the next agent. Expiry times are stored, so after a restart the offers a
     * crashed instance made expire when they were due (or at once, if that time has passed).
     */
    @Scheduled(every = "${chat.routing.offer-check-interval:1s}", delayed = "${chat.routing.offer-check-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireOffers() {
        if (!campaigns.isCaughtUp()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> offers.campaignsWithExpired(Times.now(clock))).chain(dispatcher::dispatch);
    }
}
