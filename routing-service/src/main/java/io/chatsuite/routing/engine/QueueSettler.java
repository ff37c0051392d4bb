package io.chatsuite.routing.engine;

import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.assignment.RoutingPlanner;
import io.chatsuite.routing.assignment.RoutingPlanner.AgentView;
import io.chatsuite.routing.assignment.RoutingPlanner.Assign;
import io.chatsuite.routing.assignment.RoutingPlanner.Offer;
import io.chatsuite.routing.assignment.RoutingPlanner.Step;
import io.chatsuite.routing.assignment.RoutingPlanner.Waiting;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.mapping.InteractionEventFactory;
import io.chatsuite.routing.offer.OpenOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moves a locked queue as far as its agents allow, in memory: withdraws offers that can no longer be answered,
 * then asks {@link RoutingPlanner} for steps (assign or offer, oldest interaction first) until nothing can move,
 * and announces what changed. Agents are shared between the queues of a batch, so capacity taken in one queue is
 * seen by the next.
 */
final class QueueSettler {

    private static final int MAX_STEPS = 200;
    /** The contract requires an expiry on every offer; MANUAL offers do not expire, so theirs is a day ahead. */
    private static final Duration MANUAL_OFFER_HORIZON = Duration.ofDays(1);

    private final BatchState state;
    private final RoutingConfig config;

    QueueSettler(BatchState state, RoutingConfig config) {
        this.state = state;
        this.config = config;
    }

    void settle(LockedQueue q) {
        if (q.campaign == null) {
            return;
        }
        Instant now = state.now;
        CampaignUpserted campaign = q.campaign;
        Set<String> members = Set.copyOf(q.members());
        for (OpenOffer o : q.allOffers()) {
            AgentState agent = state.agents.get(o.agentId());
            boolean answerable = agent != null
                    && agent.belowCapacity()
                    && members.contains(o.agentId())
                    && o.strategy() == campaign.strategy()
                    && !o.expired(now);
            if (answerable) {
                continue;
            }
            state.withdraw(q, o);
            q.touched.add(o.interactionId());
            // An agent who let a targeted offer expire is skipped for that interaction; a ring just rings again.
            if (o.expired(now) && o.strategy() != Strategy.RING_ALL && o.strategy() != Strategy.MANUAL) {
                state.skip(q, o.interactionId(), o.agentId());
            }
        }
        Map<String, AgentView> views = new HashMap<>();
        for (String id : q.agentsOf()) {
            AgentState a = state.agents.get(id);
            if (a != null) {
                views.put(id, a.view());
            }
        }
        List<Waiting> waiting = q.waiting.stream().map(i -> q.planned(i, now)).toList();
        RoutingPlanner.Queue model = new RoutingPlanner.Queue(
                campaign.strategy(),
                config.autoAccept(),
                config.offerTimeout(),
                q.members(),
                q.lastAssignedTo,
                waiting,
                views);
        int steps = 0;
        for (Optional<Step> next = RoutingPlanner.next(model, now);
                next.isPresent();
                next = RoutingPlanner.next(model, now)) {
            Step step = next.get();
            Interaction i = state.rows.get(step.interactionId());
            switch (step) {
                case Assign a -> state.assign(q, i, state.agents.get(a.agentId()), a.reason());
                case Offer o -> offer(q, i, o);
            }
            model.apply(step);
            if (++steps >= MAX_STEPS) {
                state.followUp.add(q.id);
                break;
            }
        }
        if (q.waiting.isEmpty() && q.total > 0 && q.loaded >= BatchLoader.HEAD) {
            // A full head was served; the rest of the queue moves in a follow-up batch. (A shorter head was all
            // this batch could serve.)
            state.followUp.add(q.id);
        }
        announce(q);
    }

    private void offer(LockedQueue q, Interaction i, Offer o) {
        Map<String, OpenOffer> its = q.offers.computeIfAbsent(i.id, k -> new TreeMap<>());
        for (String agentId : o.agentIds()) {
            its.put(
                    agentId,
                    new OpenOffer(
                            i.id, agentId, q.id, o.strategy(), state.now, o.expiresAt(), o.reserves(), o.reason()));
            if (o.reserves()) {
                state.agents.get(agentId).reserved++;
            }
        }
        // Round robin moves on when it offers, so the next interaction goes to the next agent meanwhile.
        if (o.strategy() == Strategy.ROUND_ROBIN) {
            q.lastAssignedTo = o.agentIds().get(0);
            q.cursorMoved = true;
        }
        q.touched.add(i.id);
    }

    /**
     * Tells the queue what changed: a {@code queued} event (with its position) for each waiting interaction whose
     * offers were all withdrawn, then an {@code offered} event (the full list of agents) for each whose offers
     * changed.
     */
    private void announce(LockedQueue q) {
        for (int index = 0; index < q.waiting.size(); index++) {
            Interaction i = q.waiting.get(index);
            if (q.touched.contains(i.id) && !q.offers.containsKey(i.id)) {
                int position = index + 1;
                state.setPosition(i, position);
                state.emit(i, InteractionEventFactory.queued(i, position, state.estimate(q, position)));
            }
        }
        for (Interaction i : q.waiting) {
            Map<String, OpenOffer> its = q.offers.get(i.id);
            if (its == null || !q.touched.contains(i.id)) {
                continue;
            }
            state.emit(
                    i,
                    InteractionEventFactory.offered(
                            i,
                            List.copyOf(its.keySet()),
                            q.campaign.strategy(),
                            state.now,
                            offerExpiry(q.campaign.strategy(), its.values(), state.now)));
        }
    }

    /** The expiry an {@code offered} event carries: the earliest of the offers, a day ahead for MANUAL ones. */
    static Instant offerExpiry(Strategy strategy, Collection<OpenOffer> offers, Instant now) {
        Instant expires = offers.stream()
                .map(OpenOffer::expiresAt)
                .filter(e -> e != null)
                .min(Instant::compareTo)
                .orElse(null);
        return strategy == Strategy.MANUAL || expires == null ? now.plus(MANUAL_OFFER_HORIZON) : expires;
    }
}
