package io.chatsuite.routing.assignment.service;

import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The safety net of assignment: every few seconds, each queue with someone waiting is dispatched again. Events
 * trigger dispatch at once; this catches what a crash between commit and dispatch, a lost race or a campaign
 * change (new members) left waiting.
 */
@ApplicationScoped
public class QueueSweeper {

    private final InteractionRepository interactions;
    private final Dispatcher dispatcher;
    private final Campaigns campaigns;

    public QueueSweeper(InteractionRepository interactions, Dispatcher dispatcher, Campaigns campaigns) {
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
}
