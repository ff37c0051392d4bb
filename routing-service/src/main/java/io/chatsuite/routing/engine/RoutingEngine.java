package io.chatsuite.routing.engine;

import io.chatsuite.commons.outbox.OutboxRelay;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.support.RaceRetry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Routing's single writer of queues: every change to a queue (arrivals, closes, answers to offers, manual picks,
 * and moving a queue when agents free up, become available or let offers expire) runs here, as a {@link Batch}
 * in one database transaction. Consumers hand over whole polls of records at once, so the cost of a transaction
 * is shared by every request in it. A batch that loses a race (deadlock, a row changed by another instance) is
 * run again from the start; after the commit the outbox is relayed at once and the queues the batch could not
 * finish are moved in follow-up batches.
 */
@ApplicationScoped
public class RoutingEngine {

    private static final Logger LOG = Logger.getLogger(RoutingEngine.class);
    /** The consumer name under which routing records the events it applied. */
    public static final String CONSUMER = "routing-service";
    // Follow-up batches per trigger; the sweep carries on with the rest.
    private static final int MAX_ROUNDS = 10;
    // Queues per dispatch transaction, so a sweep of many queues does not hold every lock at once.
    private static final int QUEUES_PER_DISPATCH = 50;

    private final PgPool pool;
    private final OutboxRelay relay;
    private final Campaigns campaigns;
    private final QueuePositions positions;
    private final RoutingConfig config;
    private final Clock clock;
    private final Timer batches;
    /** Queues whose row exists, so batches lock them without inserting it first. */
    private final Set<String> knownQueues = ConcurrentHashMap.newKeySet();

    private final DistributionSummary commandsPerBatch;

    public RoutingEngine(
            PgPool pool,
            OutboxRelay relay,
            Campaigns campaigns,
            QueuePositions positions,
            RoutingConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.pool = pool;
        this.relay = relay;
        this.campaigns = campaigns;
        this.positions = positions;
        this.config = config;
        this.clock = clock;
        this.batches = Timer.builder("chat.routing.batch.duration")
                .description("Routing engine transactions, from the first statement to the commit (retries included)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.commandsPerBatch = DistributionSummary.builder("chat.routing.batch.commands")
                .description("Commands applied per routing engine transaction")
                .register(registry);
    }

    /** Applies the commands in order, in one transaction, and moves every queue they touch. */
    public Uni<Void> apply(List<Command> commands) {
        return run(commands, Set.of(), 0).replaceWithVoid();
    }

    /**
     * Moves the queues of {@code campaignIds} as far as their agents allow. Never fails: what it could not do now,
     * the sweep does later.
     */
    public Uni<Void> dispatch(Collection<String> campaignIds) {
        return dispatch(campaignIds, 0);
    }

    /**
     * An agent takes an interaction from a manual queue; the queue then settles (the others' offers of it are
     * withdrawn). Yields the assigned interaction; a 409 problem when it is no longer waiting or the agent may not
     * take one now.
     */
    public Uni<Interaction> pick(String interactionId, String campaignId, String agentId) {
        return run(List.of(new Command.Pick(interactionId, campaignId, agentId)), Set.of(), 0)
                .map(batch -> {
                    Interaction i = batch.picked();
                    return switch (batch.pickResult()) {
                        case PICKED -> i;
                        case NOT_WAITING ->
                            throw ProblemException.conflict("Interaction " + interactionId + " is no longer waiting"
                                    + (i == null ? "" : " (" + i.state + ")"));
                        case CANNOT_TAKE ->
                            throw ProblemException.conflict("You cannot take an interaction now: you are "
                                    + "not available or already hold as many as you may");
                    };
                });
    }

    /** Campaigns with someone waiting. */
    public Uni<List<String>> campaignsWithWaiting() {
        return InteractionStore.campaignsWithWaiting(pool);
    }

    /** Campaigns with an offer due to expire at {@code now}. */
    public Uni<List<String>> campaignsWithExpiredOffers(Instant now) {
        return OfferStore.campaignsWithExpiredOffers(pool, now);
    }

    private Uni<Void> dispatch(Collection<String> campaignIds, int round) {
        if (campaignIds.isEmpty() || round >= MAX_ROUNDS) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = campaignIds.stream().distinct().sorted().toList();
        Uni<Void> done = Uni.createFrom().voidItem();
        for (int from = 0; from < ids.size(); from += QUEUES_PER_DISPATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + QUEUES_PER_DISPATCH));
            done = done.chain(() -> run(List.of(), chunk, round)
                    .replaceWithVoid()
                    .onFailure()
                    .recoverWithItem(e -> {
                        LOG.warnf("Dispatch of %s stopped (%s); the sweep will resume it", chunk, e.toString());
                        return null;
                    }));
        }
        return done;
    }

    private Uni<Batch> run(List<Command> commands, Collection<String> toDispatch, int round) {
        long started = System.nanoTime();
        return RaceRetry.retried(() -> pool.withTransaction(connection ->
                        new Batch(connection, campaigns, config, clock, commands, toDispatch, knownQueues).run()))
                .onFailure(Batch.MissingQueueLock.class)
                .recoverWithUni(e -> {
                    Set<String> more = new TreeSet<>(toDispatch);
                    more.add(((Batch.MissingQueueLock) e).campaignId);
                    return more.size() == toDispatch.size() ? Uni.createFrom().failure(e) : run(commands, more, round);
                })
                .invoke(batch -> {
                    knownQueues.addAll(batch.lockedQueues());
                    batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    commandsPerBatch.record(commands.size());
                    if (batch.events() > 0) {
                        relay.wakeNow();
                    }
                    positions.moved(batch.moved());
                })
                .call(batch -> dispatch(batch.followUp(), round + 1));
    }
}
