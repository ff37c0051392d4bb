package io.chatsuite.routing.engine;

import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.routing.assignment.AgentSelector;
import io.chatsuite.routing.assignment.RoutingPlanner;
import io.chatsuite.routing.assignment.RoutingPlanner.AgentView;
import io.chatsuite.routing.assignment.RoutingPlanner.Assign;
import io.chatsuite.routing.assignment.RoutingPlanner.Offer;
import io.chatsuite.routing.assignment.RoutingPlanner.Step;
import io.chatsuite.routing.assignment.RoutingPlanner.Waiting;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.engine.QueueStore.IntervalKey;
import io.chatsuite.routing.engine.QueueStore.Skip;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.interaction.mapping.InteractionEventFactory;
import io.chatsuite.routing.interaction.service.WaitEstimate;
import io.chatsuite.routing.offer.OpenOffer;
import io.chatsuite.routing.schedule.OpeningHours;
import io.chatsuite.routing.servicelevel.Outcome;
import io.chatsuite.routing.support.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * One transaction of the routing engine: applies a list of commands and moves the queues they touch, in memory,
 * then writes the outcome back in a fixed handful of set-based statements.
 *
 * <ol>
 * <li>Records the commands' event ids (a redelivered event is dropped here) and locks the queues involved, in id
 *     order; then reads, under those locks, the interactions named, the head of each queue, its open offers and
 *     skips, and locks and reads the agents who may serve them.</li>
 * <li>Applies the commands in their order: arrivals join the back of their queue or are rejected, closes abandon
 *     or end, answers accept or decline offers, picks take from a manual queue.</li>
 * <li>Settles each queue: withdraws offers that can no longer be answered, then asks {@link RoutingPlanner} for
 *     steps (assign or offer, oldest interaction first) until nothing can move. Agents are shared between the
 *     queues of the batch, so capacity taken in one queue is seen by the next.</li>
 * <li>Writes: new interactions, changed interactions and agents (each guarded by the state read under the lock),
 *     offers and skips by difference, round-robin cursors, service-level counters and the outbox events.</li>
 * </ol>
 * An interaction is never assigned twice and an agent never exceeds its capacity: the queue and agent locks
 * serialize every change, and the guarded writes fail the whole transaction if anything differs from what was
 * read. Positions of customers further back are announced separately ({@link QueuePositions}), at most once per
 * interval, so a moving queue costs one event per customer per interval rather than one per step.
 */
final class Batch {

    static final String CONSUMER = RoutingEngine.CONSUMER;
    private static final Logger LOG = Logger.getLogger(Batch.class);
    /** Waiting interactions per queue the batch plans over; a longer queue moves on in a follow-up batch. */
    private static final int HEAD = 200;
    private static final int MAX_STEPS = 200;
    /** The contract requires an expiry on every offer; MANUAL offers do not expire, so theirs is a day ahead. */
    private static final Duration MANUAL_OFFER_HORIZON = Duration.ofDays(1);

    private final SqlConnection c;
    private final Campaigns campaigns;
    private final RoutingConfig config;
    private final Clock clock;
    /** Taken once the queues are locked, so batches that wait for each other stamp their changes in order. */
    private Instant now;
    private final List<Command> commands;
    private final Set<String> toDispatch;
    /** Queues whose row exists (shared by the engine's batches), so their rows are not inserted again. */
    private final Set<String> knownQueues;

    private final Map<String, Interaction> rows = new HashMap<>();
    private final Map<String, InteractionState> readAs = new HashMap<>();
    private final List<Interaction> created = new ArrayList<>();
    private final Set<String> changedRows = new LinkedHashSet<>();
    private final Map<String, Queue> queues = new TreeMap<>();
    private Map<String, AgentState> agents = Map.of();
    private final List<OpenOffer> offersAsRead = new ArrayList<>();
    private final List<Skip> newSkips = new ArrayList<>();
    private final Set<String> leftQueue = new HashSet<>();
    private final Map<IntervalKey, int[]> counts = new HashMap<>();
    private final List<Outbox.Keyed> events = new ArrayList<>();
    private Iterator<Long> seqs;

    /** Campaigns to dispatch after the commit: their queue was not locked here, or has more to do. */
    final Set<String> followUp = new TreeSet<>();
    /** Campaigns whose waiting customers moved up: their positions are due for announcement. */
    final Set<String> moved = new TreeSet<>();
    /** The outcome of a {@link Command.Pick}, if the batch had one, and the interaction picked. */
    PickResult pickResult;
    Interaction picked;

    Batch(SqlConnection c, Campaigns campaigns, RoutingConfig config, Clock clock, List<Command> commands,
            Collection<String> toDispatch, Set<String> knownQueues) {
        this.knownQueues = knownQueues;
        this.c = c;
        this.campaigns = campaigns;
        this.config = config;
        this.clock = clock;
        this.commands = new ArrayList<>(commands);
        this.toDispatch = new TreeSet<>(toDispatch);
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
        PICKED, NOT_WAITING, CANNOT_TAKE
    }

    /** The queues the batch locked (their rows exist once it committed). */
    Set<String> lockedQueues() {
        return queues.keySet();
    }

    /** Number of outbox events the batch wrote. */
    int events() {
        return events.size();
    }

    /**
     * Runs the batch. Statements that do not depend on each other are sent together (the connection pipelines
     * them), so a batch costs about six round trips to the database whatever it holds.
     */
    Uni<Batch> run() {
        List<String> eventIds = commands.stream().map(Command::eventId).filter(id -> id != null).distinct().toList();
        // A close names its campaign; one that does not is looked up (its campaign never changes).
        List<String> unnamed = commands.stream().filter(cmd -> cmd instanceof Command.Close cl && cl.campaignId() == null)
                .map(cmd -> ((Command.Close) cmd).interactionId()).toList();
        return Uni.combine().all().unis(ProcessedEvents.firstTime(c, CONSUMER, eventIds),
                QueueStore.campaignsOf(c, unnamed)).asTuple().chain(read -> {
            Set<String> fresh = read.getItem1();
            Map<String, String> campaignOf = read.getItem2();
            Set<String> seen = new HashSet<>();
            commands.removeIf(cmd -> cmd.eventId() != null
                    && (!fresh.contains(cmd.eventId()) || !seen.add(cmd.eventId())));
            Set<String> lock = new TreeSet<>(toDispatch);
            for (Command cmd : commands) {
                switch (cmd) {
                    case Command.Request r -> {
                        if (r.campaign() != null) {
                            lock.add(r.request().campaignId());
                        }
                    }
                    case Command.Close cl -> Optional.ofNullable(cl.campaignId() != null ? cl.campaignId()
                            : campaignOf.get(cl.interactionId())).ifPresent(lock::add);
                    case Command.Accept a -> lock.add(a.campaignId());
                    case Command.Decline d -> lock.add(d.campaignId());
                    case Command.Pick p -> lock.add(p.campaignId());
                }
            }
            return QueueStore.lockQueues(c, lock, knownQueues);
        }).chain(cursors -> {
            now = Times.now(clock);
            cursors.forEach((id, row) -> queues.put(id, new Queue(id, campaigns.find(id).orElse(null), row)));
            return load();
        }).invoke(() -> {
            commands.forEach(this::apply);
            queues.values().forEach(this::settle);
        }).chain(this::write).replaceWith(this);
    }

    private Set<String> named() {
        Set<String> ids = new LinkedHashSet<>();
        for (Command cmd : commands) {
            ids.add(switch (cmd) {
                case Command.Request r -> r.request().interactionId();
                case Command.Close cl -> cl.interactionId();
                case Command.Accept a -> a.interactionId();
                case Command.Decline d -> d.interactionId();
                case Command.Pick p -> p.interactionId();
            });
        }
        return ids;
    }

    /** One object per interaction, whichever read found it first. */
    private Interaction adopt(Interaction i) {
        Interaction known = rows.putIfAbsent(i.id, i);
        if (known != null) {
            return known;
        }
        readAs.put(i.id, i.state);
        return i;
    }

    // ---- reading under the locks -----------------------------------------------------------------------------

    /**
     * Reads the queues under their locks in two pipelined round trips: first everything but the waiting lists
     * (and the agents, locked), then the head of each queue, as long as this batch can possibly serve: the
     * interactions already offered, plus the members' free places, plus those skipped by someone, plus one per
     * command (an end or a decline may free a place). A MANUAL queue is read up to {@link #HEAD} (everyone waiting
     * is offered to every member).
     */
    private Uni<Void> load() {
        List<String> known = queues.values().stream().filter(q -> q.campaign != null).map(q -> q.id).toList();
        int arrivals = (int) commands.stream().filter(cmd -> cmd instanceof Command.Request r && r.campaign() != null)
                .count();
        return Uni.combine().all().unis(QueueStore.interactions(c, named()), QueueStore.offers(c, known),
                QueueStore.skips(c, known), QueueStore.averageWaits(c, estimated(known), config.waitEstimateSamples()),
                QueueStore.queueSeqs(c, arrivals), QueueStore.lockAgents(c, agentsInvolved(), named(), known))
                .asTuple().chain(read -> {
                    read.getItem1().values().forEach(this::adopt);
                    offersAsRead.addAll(read.getItem2());
                    read.getItem2().forEach(o -> queues.get(o.campaignId()).offers
                            .computeIfAbsent(o.interactionId(), k -> new TreeMap<>()).put(o.agentId(), o));
                    read.getItem3().forEach((campaignId, byInteraction) -> byInteraction.forEach((interactionId, by) ->
                            queues.get(campaignId).skips.put(interactionId, new TreeMap<>(by))));
                    read.getItem4().forEach((campaignId, average) -> queues.get(campaignId).averageWait = average);
                    seqs = read.getItem5().iterator();
                    agents = read.getItem6();
                    Map<String, Integer> limits = new HashMap<>();
                    for (String id : known) {
                        limits.put(id, headLimit(queues.get(id)));
                    }
                    return QueueStore.waitingHeads(c, limits);
                }).invoke(heads -> {
                    heads.forEach((campaignId, list) -> queues.get(campaignId).waiting
                            .addAll(list.stream().map(this::adopt).toList()));
                    queues.values().forEach(q -> {
                        q.loaded = q.waiting.size();
                        q.complete = q.loaded >= q.total;
                    });
                }).replaceWithVoid();
    }

    /** Queues whose customers may be told a wait in this batch: those with arrivals, and those that offer. */
    private List<String> estimated(List<String> known) {
        Set<String> arriving = new HashSet<>();
        commands.forEach(cmd -> {
            if (cmd instanceof Command.Request r) {
                arriving.add(r.request().campaignId());
            }
        });
        return known.stream().filter(id -> arriving.contains(id) || offers(queues.get(id).campaign.strategy()))
                .toList();
    }

    private boolean offers(Strategy strategy) {
        return strategy == Strategy.RING_ALL || strategy == Strategy.MANUAL || !config.autoAccept();
    }

    private int headLimit(Queue q) {
        if (q.campaign.strategy() == Strategy.MANUAL) {
            return HEAD;
        }
        int free = 0;
        for (String id : q.members()) {
            AgentState a = agents.get(id);
            if (a != null && a.available()) {
                free += Math.max(0, a.capacity - a.active - a.reserved);
            }
        }
        return Math.min(HEAD, q.offers.size() + free + q.skips.size() + commands.size());
    }

    /** Members of the queues and agents answering or picking (agents freed or holding offers are added by SQL). */
    private Set<String> agentsInvolved() {
        Set<String> ids = new TreeSet<>();
        queues.values().forEach(q -> ids.addAll(q.members()));
        for (Command cmd : commands) {
            switch (cmd) {
                case Command.Accept a -> ids.add(a.agentId());
                case Command.Pick p -> ids.add(p.agentId());
                default -> {
                }
            }
        }
        return ids;
    }

    // ---- commands --------------------------------------------------------------------------------------------

    private void apply(Command cmd) {
        switch (cmd) {
            case Command.Request r -> request(r.request(), r.campaign());
            case Command.Close cl -> close(cl);
            case Command.Accept a -> accept(a);
            case Command.Decline d -> decline(d);
            case Command.Pick p -> pick(p);
        }
    }

    private void request(RoutingRequested request, CampaignUpserted campaign) {
        Interaction existing = rows.get(request.interactionId());
        if (existing != null) {
            LOG.infof("Interaction %s was already requested (%s); ignoring the repeat", existing.id, existing.state);
            return;
        }
        Interaction i = new Interaction();
        i.id = request.interactionId();
        i.campaignId = request.campaignId();
        i.customerName = request.customerName();
        i.language = language(request.language(), campaign);
        i.requestedAt = request.requestedAt() == null ? now : Times.micros(request.requestedAt());
        rows.put(i.id, i);
        created.add(i);
        Queue q = queues.get(i.campaignId);
        if (campaign == null || q == null) {
            reject(i, RejectReason.UNKNOWN_CAMPAIGN);
        } else if (!OpeningHours.isOpen(campaign.schedule(), now)) {
            reject(i, RejectReason.OUT_OF_HOURS);
        } else if (q.total >= campaign.maxWaiting()) {
            reject(i, RejectReason.UNAVAILABLE);
        } else {
            i.state = InteractionState.QUEUED;
            i.queueSeq = seqs.next();
            i.queuedAt = now;
            i.slThresholdSeconds = campaign.serviceLevelSeconds();
            q.total++;
            if (q.complete) {
                q.waiting.add(i);
            }
            i.announcedPosition = q.total;
            count(i, now, Outcome.OFFERED);
            emit(i, InteractionEventFactory.queued(i, q.total, q.estimate(q.total)));
        }
    }

    private void reject(Interaction i, RejectReason reason) {
        i.state = InteractionState.REJECTED;
        i.rejectReason = reason;
        i.closedAt = now;
        emit(i, InteractionEventFactory.rejected(i));
    }

    private void close(Command.Close cl) {
        Interaction i = rows.get(cl.interactionId());
        if (i == null) {
            LOG.warnf("Close of unknown interaction %s ignored", cl.interactionId());
            return;
        }
        if (i.state == InteractionState.QUEUED && !queues.containsKey(i.campaignId)) {
            // The close named another campaign (or was looked up before the interaction was queued): the batch
            // runs again with that queue locked too.
            throw new MissingQueueLock(i.campaignId);
        }
        if (i.state == InteractionState.QUEUED) {
            Instant at = within(cl.at(), i.queuedAt);
            Queue q = queues.get(i.campaignId);
            leave(q, i);
            change(i, InteractionState.ABANDONED);
            i.closedAt = at;
            i.endedBy = Party.CUSTOMER;
            Duration waited = Duration.between(i.queuedAt, at);
            count(i, i.queuedAt, Outcome.abandoned(waited, Duration.ofSeconds(i.slThresholdSeconds),
                    Outcome.shortAbandon(Optional.ofNullable(q.campaign), config.shortAbandon())));
            emit(i, InteractionEventFactory.abandoned(i, at));
        } else if (i.state == InteractionState.ASSIGNED) {
            Instant at = within(cl.at(), i.assignedAt);
            Party by = cl.by() == null ? Party.SYSTEM : cl.by();
            change(i, InteractionState.ENDED);
            i.closedAt = at;
            i.endedBy = by;
            AgentState agent = agents.get(i.agentId);
            if (agent == null || agent.active == 0) {
                LOG.warnf("Agent %s held no interaction when %s ended", i.agentId, i.id);
            } else {
                agent.release(at);
            }
            emit(i, InteractionEventFactory.ended(i, i.agentId, by, at));
            // The freed agent may serve any of its queues.
            campaigns.ofAgent(i.agentId).stream().filter(id -> !queues.containsKey(id)).forEach(followUp::add);
        }
    }

    private void accept(Command.Accept a) {
        Interaction i = answered(a.interactionId(), a.campaignId());
        if (i == null) {
            return;
        }
        if (i.state != InteractionState.QUEUED) {
            LOG.infof("%s accepted %s, which is %s: too late", a.agentId(), i.id, i.state);
            return;
        }
        Queue q = queues.get(i.campaignId);
        OpenOffer offer = q.offer(i.id, a.agentId());
        boolean picksFromManualQueue = offer == null && q.campaign != null
                && q.campaign.strategy() == Strategy.MANUAL && q.members().contains(a.agentId());
        if (offer == null && !picksFromManualQueue) {
            LOG.infof("%s accepted %s, which was not offered to them (any more)", a.agentId(), i.id);
            return;
        }
        AgentState agent = agents.get(a.agentId());
        if (agent == null || !agent.belowCapacity()) {
            // The offer cannot be honoured (agent away or full meanwhile): it is withdrawn.
            LOG.infof("%s accepted %s but is not available or has no room", a.agentId(), i.id);
            if (offer != null) {
                withdraw(q, offer);
            }
            q.touched.add(i.id);
            return;
        }
        assign(q, i, agent, reason(offer, a.agentId()));
    }

    private void decline(Command.Decline d) {
        Interaction i = answered(d.interactionId(), d.campaignId());
        if (i == null || i.state != InteractionState.QUEUED) {
            return;
        }
        Queue q = queues.get(i.campaignId);
        OpenOffer offer = q.offer(i.id, d.agentId());
        if (offer == null) {
            LOG.infof("%s declined %s, which was not offered to them (any more)", d.agentId(), i.id);
            return;
        }
        withdraw(q, offer);
        skip(q, i.id, d.agentId());
        q.touched.add(i.id);
    }

    private void pick(Command.Pick p) {
        Interaction i = rows.get(p.interactionId());
        picked = i;
        if (i == null || i.state != InteractionState.QUEUED || !queues.containsKey(i.campaignId)) {
            pickResult = PickResult.NOT_WAITING;
            return;
        }
        AgentState agent = agents.get(p.agentId());
        if (agent == null || !agent.belowCapacity()) {
            pickResult = PickResult.CANNOT_TAKE;
            return;
        }
        assign(queues.get(i.campaignId), i, agent, AgentSelector.manualPick(p.agentId()));
        pickResult = PickResult.PICKED;
    }

    private Interaction answered(String interactionId, String campaignId) {
        Interaction i = rows.get(interactionId);
        if (i == null || !i.campaignId.equals(campaignId) || !queues.containsKey(campaignId)) {
            LOG.warnf("Answer to an offer of interaction %s of campaign %s ignored: no such interaction",
                    interactionId, campaignId);
            return null;
        }
        return i;
    }

    /** Why the agent got it: the reason recorded with its offer, with the winner's own score. */
    private static AssignmentReason reason(OpenOffer offer, String agentId) {
        if (offer == null || offer.reason() == null) {
            return AgentSelector.manualPick(agentId);
        }
        AssignmentReason r = offer.reason();
        double score = r.candidates().stream().filter(x -> x.agentId().equals(agentId))
                .mapToDouble(AssignmentReason.Candidate::score).findFirst().orElse(r.winnerScore());
        return new AssignmentReason(r.strategy(), r.candidates(), score);
    }

    // ---- moving a queue --------------------------------------------------------------------------------------

    /** Withdraws offers that can no longer be answered, then steps the planner until nothing moves. */
    private void settle(Queue q) {
        if (q.campaign == null) {
            return;
        }
        CampaignUpserted campaign = q.campaign;
        Set<String> members = Set.copyOf(q.members());
        for (OpenOffer o : q.allOffers()) {
            AgentState agent = agents.get(o.agentId());
            boolean answerable = agent != null && agent.belowCapacity() && members.contains(o.agentId())
                    && o.strategy() == campaign.strategy() && !o.expired(now);
            if (answerable) {
                continue;
            }
            withdraw(q, o);
            q.touched.add(o.interactionId());
            // An agent who let a targeted offer expire is skipped for that interaction; a ring just rings again.
            if (o.expired(now) && o.strategy() != Strategy.RING_ALL && o.strategy() != Strategy.MANUAL) {
                skip(q, o.interactionId(), o.agentId());
            }
        }
        Map<String, AgentView> views = new HashMap<>();
        for (String id : q.agentsOf()) {
            AgentState a = agents.get(id);
            if (a != null) {
                views.put(id, a.view());
            }
        }
        List<Waiting> waiting = q.waiting.stream().map(i -> q.planned(i, now)).toList();
        RoutingPlanner.Queue model = new RoutingPlanner.Queue(campaign.strategy(), config.autoAccept(),
                config.offerTimeout(), q.members(), q.lastAssignedTo, waiting, views);
        int steps = 0;
        for (Optional<Step> next = RoutingPlanner.next(model, now); next.isPresent();
                next = RoutingPlanner.next(model, now)) {
            Step step = next.get();
            Interaction i = rows.get(step.interactionId());
            switch (step) {
                case Assign a -> assign(q, i, agents.get(a.agentId()), a.reason());
                case Offer o -> offer(q, i, o);
            }
            model.apply(step);
            if (++steps >= MAX_STEPS) {
                followUp.add(q.id);
                break;
            }
        }
        if (q.waiting.isEmpty() && q.total > 0 && q.loaded >= HEAD) {
            // A full head was served; the rest of the queue moves in a follow-up batch. (A shorter head was all
            // this batch could serve.)
            followUp.add(q.id);
        }
        announce(q);
    }

    private void assign(Queue q, Interaction i, AgentState agent, AssignmentReason reason) {
        leave(q, i);
        agent.take(now);
        change(i, InteractionState.ASSIGNED);
        i.agentId = agent.id;
        i.assignedAt = now;
        q.lastAssignedTo = agent.id;
        q.cursorMoved = true;
        count(i, i.queuedAt, Outcome.answered(Duration.between(i.queuedAt, now),
                Duration.ofSeconds(i.slThresholdSeconds)));
        emit(i, InteractionEventFactory.assigned(i, agent.id, now, reason));
    }

    private void offer(Queue q, Interaction i, Offer o) {
        Map<String, OpenOffer> its = q.offers.computeIfAbsent(i.id, k -> new TreeMap<>());
        for (String agentId : o.agentIds()) {
            its.put(agentId, new OpenOffer(i.id, agentId, q.id, o.strategy(), now, o.expiresAt(), o.reserves(),
                    o.reason()));
            if (o.reserves()) {
                agents.get(agentId).reserved++;
            }
        }
        // Round robin moves on when it offers, so the next interaction goes to the next agent meanwhile.
        if (o.strategy() == Strategy.ROUND_ROBIN) {
            q.lastAssignedTo = o.agentIds().get(0);
            q.cursorMoved = true;
        }
        q.touched.add(i.id);
    }

    /** The interaction leaves the queue (assigned or abandoned): its offers and skips go, those behind move up. */
    private void leave(Queue q, Interaction i) {
        q.waiting.removeIf(w -> w.id.equals(i.id));
        q.total = Math.max(0, q.total - 1);
        Map<String, OpenOffer> its = q.offers.remove(i.id);
        if (its != null) {
            its.values().forEach(o -> unreserve(o));
        }
        q.skips.remove(i.id);
        q.touched.remove(i.id);
        i.announcedPosition = null;
        leftQueue.add(i.id);
        moved.add(q.id);
    }

    private void withdraw(Queue q, OpenOffer o) {
        Map<String, OpenOffer> its = q.offers.get(o.interactionId());
        if (its != null && its.remove(o.agentId()) != null) {
            unreserve(o);
            if (its.isEmpty()) {
                q.offers.remove(o.interactionId());
            }
        }
    }

    private void unreserve(OpenOffer o) {
        AgentState agent = agents.get(o.agentId());
        if (o.reserves() && agent != null) {
            agent.reserved = Math.max(0, agent.reserved - 1);
        }
    }

    /** The agent is not offered the interaction again for one offer timeout (and, if targeted, only after the rest). */
    private void skip(Queue q, String interactionId, String agentId) {
        Instant until = now.plus(config.offerTimeout());
        q.skips.computeIfAbsent(interactionId, k -> new TreeMap<>()).put(agentId, until);
        newSkips.add(new Skip(interactionId, agentId, until));
    }

    /**
     * Tells the queue what changed: a {@code queued} event (with its position) for each waiting interaction whose
     * offers were all withdrawn, then an {@code offered} event (the full list of agents) for each whose offers
     * changed.
     */
    private void announce(Queue q) {
        Set<String> requeued = new HashSet<>();
        for (int index = 0; index < q.waiting.size(); index++) {
            Interaction i = q.waiting.get(index);
            if (q.touched.contains(i.id) && !q.offers.containsKey(i.id)) {
                int position = index + 1;
                setPosition(i, position);
                emit(i, InteractionEventFactory.queued(i, position, q.estimate(position)));
                requeued.add(i.id);
            }
        }
        for (Interaction i : q.waiting) {
            Map<String, OpenOffer> its = q.offers.get(i.id);
            if (its == null || !q.touched.contains(i.id)) {
                continue;
            }
            emit(i, InteractionEventFactory.offered(i, List.copyOf(its.keySet()), q.campaign.strategy(), now,
                    offerExpiry(q.campaign.strategy(), its.values(), now)));
        }
    }

    /** The expiry an {@code offered} event carries: the earliest of the offers, a day ahead for MANUAL ones. */
    static Instant offerExpiry(Strategy strategy, Collection<OpenOffer> offers, Instant now) {
        Instant expires = offers.stream().map(OpenOffer::expiresAt).filter(e -> e != null).min(Instant::compareTo)
                .orElse(null);
        return strategy == Strategy.MANUAL || expires == null ? now.plus(MANUAL_OFFER_HORIZON) : expires;
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    private Uni<Void> write() {
        Set<String> createdIds = new HashSet<>();
        created.forEach(i -> createdIds.add(i.id));
        List<Interaction> updated = changedRows.stream().filter(id -> !createdIds.contains(id)).map(rows::get)
                .toList();
        Set<OpenOffer> open = new HashSet<>();
        queues.values().forEach(q -> open.addAll(q.allOffers()));
        Set<OpenOffer> asRead = new HashSet<>(offersAsRead);
        List<OpenOffer> withdrawn = offersAsRead.stream().filter(o -> !open.contains(o)).toList();
        List<OpenOffer> made = open.stream().filter(o -> !asRead.contains(o)).toList();
        List<Skip> skips = newSkips.stream().filter(s -> !leftQueue.contains(s.interactionId())).toList();
        List<String> left = leftQueue.stream().filter(id -> !createdIds.contains(id)).toList();
        List<AgentState> loads = agents.values().stream().filter(a -> a.changed).toList();
        Map<String, QueueStore.QueueRow> queueRows = new HashMap<>();
        queues.values().stream().filter(q -> q.cursorMoved || q.total != q.waitingAsRead)
                .forEach(q -> queueRows.put(q.id, new QueueStore.QueueRow(q.lastAssignedTo, q.total)));
        // Sent together, in this order (offers and skips refer to the interactions inserted first).
        return Uni.combine().all().unis(QueueStore.insertInteractions(c, created),
                QueueStore.updateInteractions(c, updated, readAs), QueueStore.deleteOffers(c, withdrawn),
                QueueStore.insertOffers(c, made), QueueStore.writeSkips(c, left, skips),
                QueueStore.updateAgents(c, loads), QueueStore.updateQueues(c, queueRows),
                QueueStore.countOutcomes(c, counts), Outbox.addAll(c, events)).discardItems();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void change(Interaction i, InteractionState state) {
        i.state = state;
        changedRows.add(i.id);
    }

    private void setPosition(Interaction i, int position) {
        i.announcedPosition = position;
        changedRows.add(i.id);
    }

    private void count(Interaction i, Instant arrivedAt, Outcome outcome) {
        counts.computeIfAbsent(IntervalKey.of(i.campaignId, arrivedAt), k -> new int[Outcome.values().length])
                [outcome.ordinal()]++;
    }

    private void emit(Interaction i, CloudEvent event) {
        events.add(new Outbox.Keyed(i.id, event));
    }

    /** The instant a party says something happened, kept between the previous step and now (clock skew). */
    private Instant within(Instant claimed, Instant notBefore) {
        if (claimed == null || claimed.isAfter(now)) {
            return now;
        }
        Instant at = Times.micros(claimed);
        return notBefore != null && at.isBefore(notBefore) ? notBefore : at;
    }

    // The widget always sends one; an old or foreign client may not, and the campaign's default is then right.
    private static String language(String requested, CampaignUpserted campaign) {
        if (requested != null && List.of("es", "en", "pt").contains(requested)) {
            return requested;
        }
        return campaign != null && campaign.defaultLanguage() != null ? campaign.defaultLanguage() : "en";
    }

    /** A locked queue as the batch holds it. */
    private final class Queue {
        final String id;
        final CampaignUpserted campaign;
        /** The campaign's agent members, each once. */
        private final List<String> members;
        String lastAssignedTo;
        boolean cursorMoved;
        /** The first {@link #HEAD} waiting interactions (all of them when {@code complete}), first come first. */
        final List<Interaction> waiting = new ArrayList<>();
        boolean complete;
        int loaded;
        /** How many wait in the queue (kept in its row), as read and as it is now. */
        final int waitingAsRead;
        int total;
        /** Open offers per waiting interaction, by agent. */
        final Map<String, Map<String, OpenOffer>> offers = new LinkedHashMap<>();
        final Map<String, Map<String, Instant>> skips = new HashMap<>();
        /** Waiting interactions whose offers changed in this batch: they are announced again. */
        final Set<String> touched = new HashSet<>();
        Double averageWait;

        Queue(String id, CampaignUpserted campaign, QueueStore.QueueRow row) {
            this.id = id;
            this.campaign = campaign;
            this.members = campaign == null || campaign.agentMembers() == null ? List.of()
                    : campaign.agentMembers().stream().distinct().toList();
            this.lastAssignedTo = row.lastAssignedTo();
            this.waitingAsRead = row.waiting();
            this.total = row.waiting();
        }

        List<String> members() {
            return members;
        }

        /** Members and the agents holding offers of this queue. */
        Set<String> agentsOf() {
            Set<String> ids = new TreeSet<>(members());
            offers.values().forEach(byAgent -> ids.addAll(byAgent.keySet()));
            return ids;
        }

        OpenOffer offer(String interactionId, String agentId) {
            Map<String, OpenOffer> its = offers.get(interactionId);
            return its == null ? null : its.get(agentId);
        }

        List<OpenOffer> allOffers() {
            List<OpenOffer> all = new ArrayList<>();
            offers.values().forEach(byAgent -> all.addAll(byAgent.values()));
            return all;
        }

        Waiting planned(Interaction i, Instant at) {
            Map<String, OpenOffer> its = offers.getOrDefault(i.id, Map.of());
            Instant expires = its.values().stream().map(OpenOffer::expiresAt).filter(e -> e != null)
                    .min(Instant::compareTo).orElse(null);
            Map<String, Instant> skipsOf = skips.getOrDefault(i.id, Map.of());
            Set<String> resting = new HashSet<>();
            skipsOf.forEach((agent, until) -> {
                if (until.isAfter(at)) {
                    resting.add(agent);
                }
            });
            return new Waiting(i.id, new TreeSet<>(its.keySet()), Set.copyOf(skipsOf.keySet()), resting, expires);
        }

        Integer estimate(int position) {
            long available = members().stream().map(agents::get).filter(a -> a != null && a.available()).count();
            return WaitEstimate.seconds(averageWait, position, available);
        }
    }
}
