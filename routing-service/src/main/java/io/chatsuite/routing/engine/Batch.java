package io.chatsuite.routing.engine;

import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.support.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One transaction of the routing engine: applies a list of commands and moves the queues they touch, in memory,
 * then writes the outcome back in a fixed handful of set-based statements.
 *
 * <ol>
 * <li>Records the commands' event ids (a redelivered event is dropped here) and locks the queues involved
 *     ({@link LockPlan}), in id order; then reads, under those locks, the interactions named, the head of each
 *     queue, its open offers and skips, and locks and reads the agents who may serve them ({@link BatchLoader}).</li>
 * <li>Applies the commands in their order ({@link CommandApplier}).</li>
 * <li>Settles each queue ({@link QueueSettler}).</li>
 * <li>Writes the outcome by difference with what was read ({@link BatchWriter}).</li>
 * </ol>
 * An interaction is never assigned twice and an agent never exceeds its capacity: the queue and agent locks
 * serialize every change, and the guarded writes fail the whole transaction if anything differs from what was
 * read. Positions of customers further back are announced separately ({@link QueuePositions}), at most once per
 * interval, so a moving queue costs one event per customer per interval rather than one per step.
 */
final class Batch {

    static final String CONSUMER = RoutingEngine.CONSUMER;

    private final SqlConnection c;
    private final Campaigns campaigns;
    private final Clock clock;
    private final Set<String> toDispatch;
    /** Queues whose row exists (shared by the engine's batches), so their rows are not inserted again. */
    private final Set<String> knownQueues;

    private final BatchState state;
    private final BatchLoader loader;
    private final CommandApplier applier;
    private final QueueSettler settler;

    Batch(
            SqlConnection c,
            Campaigns campaigns,
            RoutingConfig config,
            Clock clock,
            List<Command> commands,
            Collection<String> toDispatch,
            Set<String> knownQueues) {
        this.c = c;
        this.campaigns = campaigns;
        this.clock = clock;
        this.toDispatch = new TreeSet<>(toDispatch);
        this.knownQueues = knownQueues;
        this.state = new BatchState(commands, config.offerTimeout());
        this.loader = new BatchLoader(c, config, state);
        this.applier = new CommandApplier(state, campaigns, config);
        this.settler = new QueueSettler(state, config);
    }

    /** A close's interaction waits in a queue the batch did not lock; the batch is run again with it. */
    static final class MissingQueueLock extends RuntimeException {
        final String campaignId;

        MissingQueueLock(String campaignId) {
            super("queue " + campaignId + " was not locked", null, false, false);
            this.campaignId = campaignId;
        }
    }

    /** What a pick came to. */
    enum PickResult {
        PICKED,
        NOT_WAITING,
        CANNOT_TAKE
    }

    /** The queues the batch locked (their rows exist once it committed). */
    Set<String> lockedQueues() {
        return state.queues.keySet();
    }

    /** Number of outbox events the batch wrote. */
    int events() {
        return state.events.size();
    }

    /** Campaigns to dispatch after the commit: their queue was not locked here, or has more to do. */
    Set<String> followUp() {
        return state.followUp;
    }

    /** Campaigns whose waiting customers moved up: their positions are due for announcement. */
    Set<String> moved() {
        return state.moved;
    }

    /** The outcome of a {@link Command.Pick}, if the batch had one. */
    PickResult pickResult() {
        return applier.pickResult;
    }

    /** The interaction a {@link Command.Pick} named, as read. */
    Interaction picked() {
        return applier.picked;
    }

    /**
     * Runs the batch. Statements that do not depend on each other are sent together (the connection pipelines
     * them), so a batch costs about six round trips to the database whatever it holds.
     */
    Uni<Batch> run() {
        List<Command> commands = state.commands;
        return Uni.combine()
                .all()
                .unis(
                        ProcessedEvents.firstTime(c, CONSUMER, LockPlan.eventIds(commands)),
                        InteractionStore.campaignsOf(c, LockPlan.unnamedCloses(commands)))
                .asTuple()
                .chain(read -> {
                    Set<String> fresh = read.getItem1();
                    Map<String, String> campaignOf = read.getItem2();
                    Set<String> lock = LockPlan.queues(commands, fresh, campaignOf, toDispatch);
                    return CampaignQueueStore.lockQueues(c, lock, knownQueues);
                })
                .chain(cursors -> {
                    state.now = Times.now(clock);
                    cursors.forEach((id, row) -> state.queues.put(
                            id, new LockedQueue(id, campaigns.find(id).orElse(null), row)));
                    return loader.load();
                })
                .invoke(() -> {
                    commands.forEach(applier::apply);
                    state.queues.values().forEach(settler::settle);
                })
                .chain(() -> BatchWriter.write(c, state))
                .replaceWith(this);
    }
}
