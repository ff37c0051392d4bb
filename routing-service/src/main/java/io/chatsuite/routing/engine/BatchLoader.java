package io.chatsuite.routing.engine;

import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.config.RoutingConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what a batch needs under its queue locks, into its {@link BatchState}, in two pipelined round trips: first
 * everything but the waiting lists (and the agents, locked), then the head of each queue, as long as this batch can
 * possibly serve: the interactions already offered, plus the members' free places, plus those skipped by someone,
 * plus one per command (an end or a decline may free a place). A MANUAL queue is read up to {@link #HEAD}
 * (everyone waiting is offered to every member).
 */
final class BatchLoader {

    /** Waiting interactions per queue the batch plans over; a longer queue moves on in a follow-up batch. */
    static final int HEAD = 200;

    private final SqlConnection c;
    private final RoutingConfig config;
    private final BatchState state;

    BatchLoader(SqlConnection c, RoutingConfig config, BatchState state) {
        this.c = c;
        this.config = config;
        this.state = state;
    }

    Uni<Void> load() {
        Map<String, LockedQueue> queues = state.queues;
        List<Command> commands = state.commands;
        List<String> known = queues.values().stream()
                .filter(q -> q.campaign != null)
                .map(q -> q.id)
                .toList();
        int arrivals = (int) commands.stream()
                .filter(cmd -> cmd instanceof Command.Request r && r.campaign() != null)
                .count();
        return Uni.combine()
                .all()
                .unis(
                        InteractionStore.interactions(c, named()),
                        OfferStore.offers(c, known),
                        OfferStore.skips(c, known),
                        InteractionStore.averageWaits(c, estimated(known), config.waitEstimateSamples()),
                        InteractionStore.queueSeqs(c, arrivals),
                        AgentStore.lockAgents(c, agentsInvolved(), named(), known))
                .asTuple()
                .chain(read -> {
                    read.getItem1().values().forEach(state::adopt);
                    state.offersAsRead.addAll(read.getItem2());
                    read.getItem2()
                            .forEach(o -> queues.get(o.campaignId())
                                    .offers
                                    .computeIfAbsent(o.interactionId(), k -> new TreeMap<>())
                                    .put(o.agentId(), o));
                    read.getItem3()
                            .forEach((campaignId, byInteraction) -> byInteraction.forEach((interactionId, by) ->
                                    queues.get(campaignId).skips.put(interactionId, new TreeMap<>(by))));
                    read.getItem4().forEach((campaignId, average) -> queues.get(campaignId).averageWait = average);
                    state.seqs = read.getItem5().iterator();
                    state.agents = read.getItem6();
                    Map<String, Integer> limits = new HashMap<>();
                    for (String id : known) {
                        limits.put(id, headLimit(queues.get(id)));
                    }
                    return InteractionStore.waitingHeads(c, limits);
                })
                .invoke(heads -> {
                    heads.forEach((campaignId, list) -> queues.get(campaignId)
                            .waiting
                            .addAll(list.stream().map(state::adopt).toList()));
                    queues.values().forEach(q -> {
                        q.loaded = q.waiting.size();
                        q.complete = q.loaded >= q.total;
                    });
                })
                .replaceWithVoid();
    }

    /** The interactions the commands name. */
    private Set<String> named() {
        Set<String> ids = new LinkedHashSet<>();
        for (Command cmd : state.commands) {
            ids.add(
                    switch (cmd) {
                        case Command.Request r -> r.request().interactionId();
                        case Command.Close cl -> cl.interactionId();
                        case Command.Accept a -> a.interactionId();
                        case Command.Decline d -> d.interactionId();
                        case Command.Pick p -> p.interactionId();
                    });
        }
        return ids;
    }

    /** Queues whose customers may be told a wait in this batch: those with arrivals, and those that offer. */
    private List<String> estimated(List<String> known) {
        Set<String> arriving = new HashSet<>();
        state.commands.forEach(cmd -> {
            if (cmd instanceof Command.Request r) {
                arriving.add(r.request().campaignId());
            }
        });
        return known.stream()
                .filter(id -> arriving.contains(id)
                        || offers(state.queues.get(id).campaign.strategy()))
                .toList();
    }

    private boolean offers(Strategy strategy) {
        return strategy == Strategy.RING_ALL || strategy == Strategy.MANUAL || !config.autoAccept();
    }

    private int headLimit(LockedQueue q) {
        if (q.campaign.strategy() == Strategy.MANUAL) {
            return HEAD;
        }
        int free = 0;
        for (String id : q.members()) {
            AgentState a = state.agents.get(id);
            if (a != null && a.available()) {
                free += Math.max(0, a.capacity - a.active - a.reserved);
            }
        }
        return Math.min(HEAD, q.offers.size() + free + q.skips.size() + state.commands.size());
    }

    /** Members of the queues and agents answering or picking (agents freed or holding offers are added by SQL). */
    private Set<String> agentsInvolved() {
        Set<String> ids = new TreeSet<>();
        state.queues.values().forEach(q -> ids.addAll(q.members()));
        for (Command cmd : state.commands) {
            switch (cmd) {
                case Command.Accept a -> ids.add(a.agentId());
                case Command.Pick p -> ids.add(p.agentId());
                default -> {}
            }
        }
        return ids;
    }
}
