package io.chatsuite.routing.assignment.service;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.routing.agent.repository.AgentRepository;
import io.chatsuite.routing.agent.repository.AgentRepository.AgentRow;
import io.chatsuite.routing.assignment.RoutingPlanner;
import io.chatsuite.routing.assignment.RoutingPlanner.AgentView;
import io.chatsuite.routing.assignment.RoutingPlanner.Assign;
import io.chatsuite.routing.assignment.RoutingPlanner.Offer;
import io.chatsuite.routing.assignment.RoutingPlanner.Step;
import io.chatsuite.routing.assignment.RoutingPlanner.Waiting;
import io.chatsuite.routing.campaign.CampaignQueueLock;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.mapping.InteractionEvents;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.chatsuite.routing.interaction.service.QueuePositions;
import io.chatsuite.routing.offer.OpenOffer;
import io.chatsuite.routing.offer.repository.OfferRepository;
import io.chatsuite.routing.servicelevel.Outcome;
import io.chatsuite.routing.servicelevel.repository.ServiceLevelRepository;
import io.chatsuite.routing.support.LostRaceException;
import io.chatsuite.routing.support.Retries;
import io.chatsuite.routing.support.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Moves a campaign's queue: withdraws offers that can no longer be answered (agent away, full or no longer a
 * member, offer expired), then assigns or offers waiting interactions oldest first as {@link RoutingPlanner}
 * decides, and finally tells the queue what changed (offers, positions). Everything happens in one transaction
 * under the campaign's queue lock, with the candidate agents' rows locked too; the guarded updates (an interaction
 * moves QUEUED → ASSIGNED only if still queued, an agent's count rises only if it is still available and below
 * capacity) are the last line of defence: an interaction never gets two agents and an agent never exceeds its
 * capacity, whatever runs concurrently, in this instance or another.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    // Steps per transaction; a longer queue moves on in the next transaction.
    private static final int MAX_STEPS = 100;
    // Transactions per trigger; the sweep carries on with the rest.
    private static final int MAX_ROUNDS = 10;
    private static final int ATTEMPTS = 5;
    // The contract requires an expiry on every offer; MANUAL offers do not expire, so theirs is a day ahead.
    private static final Duration MANUAL_OFFER_HORIZON = Duration.ofDays(1);

    private final InteractionRepository interactions;
    private final AgentRepository agents;
    private final OfferRepository offers;
    private final CampaignQueueLock queueLock;
    private final QueuePositions positions;
    private final ServiceLevelRepository serviceLevels;
    private final Outbox outbox;
    private final Campaigns campaigns;
    private final RoutingConfig config;
    private final Retries retries;
    private final Clock clock;

    public Dispatcher(InteractionRepository interactions, AgentRepository agents, OfferRepository offers,
            CampaignQueueLock queueLock, QueuePositions positions, ServiceLevelRepository serviceLevels,
            Outbox outbox, Campaigns campaigns, RoutingConfig config, Retries retries, Clock clock) {
        this.interactions = interactions;
        this.agents = agents;
        this.offers = offers;
        this.queueLock = queueLock;
        this.positions = positions;
        this.serviceLevels = serviceLevels;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.config = config;
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * Moves the queues of {@code campaignIds} as far as their agents allow, each in its own transactions. Never
     * fails: what it could not do now, the sweep does later.
     */
    public Uni<Void> dispatch(Collection<String> campaignIds) {
        return Multi.createFrom().iterable(List.copyOf(campaignIds))
                .onItem().transformToUniAndConcatenate(id -> dispatch(id, 0)
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("Dispatch of campaign %s stopped (%s); the sweep will resume it", id,
                                    e.toString());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> dispatch(String campaignId, int round) {
        if (round >= MAX_ROUNDS) {
            return Uni.createFrom().voidItem();
        }
        return retries.onTransientFailure(() -> Panache.withTransaction(() -> settle(campaignId, Set.of())), ATTEMPTS)
                .chain(more -> more ? dispatch(campaignId, round + 1) : Uni.createFrom().voidItem());
    }

    /**
     * Settles the campaign's queue in the caller's transaction (taking the queue lock if the caller has not).
     * {@code touched}: waiting interactions whose offers the caller changed, so their new state gets announced.
     * True when the step limit stopped it with more to do.
     */
    public Uni<Boolean> settle(String campaignId, Set<String> touched) {
        Optional<CampaignUpserted> found = campaigns.find(campaignId);
        if (found.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        CampaignUpserted campaign = found.get();
        List<String> members = campaign.agentMembers() == null ? List.of()
                : campaign.agentMembers().stream().distinct().toList();
        Set<String> changed = new HashSet<>(touched);
        return queueLock.lock(campaignId).chain(lastAssignedTo -> {
            Instant now = Times.now(clock);
            return interactions.waiting(campaignId).chain(waiting -> offers.ofCampaign(campaignId)
                    .chain(open -> offers.skipped(campaignId).chain(skipped -> {
                        Set<String> agentIds = new TreeSet<>(members);
                        open.forEach(o -> agentIds.add(o.agentId()));
                        return agents.lockAll(agentIds).chain(rows -> offers.reservedBy(agentIds)
                                .chain(reserved -> plan(campaign, members, lastAssignedTo, waiting, open, skipped,
                                        rows, reserved, changed, now)));
                    })));
        });
    }

    private Uni<Boolean> plan(CampaignUpserted campaign, List<String> members, String lastAssignedTo,
            List<Interaction> waiting, List<OpenOffer> open, Map<String, Map<String, Instant>> skipped, List<AgentRow> rows,
            Map<String, Integer> reserved, Set<String> changed, Instant now) {
        Map<String, AgentRow> byId = rows.stream().collect(Collectors.toMap(AgentRow::id, Function.identity()));
        Set<String> memberSet = Set.copyOf(members);
        Map<String, Integer> holds = new HashMap<>(reserved);
        Map<String, Map<String, Instant>> skips = new HashMap<>();
        skipped.forEach((k, v) -> skips.put(k, new HashMap<>(v)));
        List<OpenOffer> stale = new ArrayList<>();
        List<OpenOffer> kept = new ArrayList<>();
        for (OpenOffer o : open) {
            AgentRow agent = byId.get(o.agentId());
            boolean answerable = agent != null && agent.available() && agent.active() < agent.capacity()
                    && memberSet.contains(o.agentId()) && o.strategy() == campaign.strategy() && !o.expired(now);
            (answerable ? kept : stale).add(o);
        }
        Uni<Void> withdrawn = Uni.createFrom().voidItem();
        for (OpenOffer o : stale) {
            changed.add(o.interactionId());
            if (o.reserves()) {
                holds.merge(o.agentId(), -1, Integer::sum);
            }
            // An agent who let a targeted offer expire is skipped for that interaction; a ring just rings again.
            boolean skip = o.expired(now) && o.strategy() != Strategy.RING_ALL && o.strategy() != Strategy.MANUAL;
            if (skip) {
                skips.computeIfAbsent(o.interactionId(), k -> new HashMap<>())
                        .put(o.agentId(), now.plus(config.offerTimeout()));
            }
            withdrawn = withdrawn.chain(() -> offers.delete(o.interactionId(), o.agentId()))
                    .chain(() -> skip ? offers.skip(o.interactionId(), o.agentId(), now.plus(config.offerTimeout()))
                            : Uni.createFrom().voidItem());
        }
        Map<String, List<OpenOffer>> offersOf = kept.stream().collect(Collectors.groupingBy(OpenOffer::interactionId));
        List<Waiting> queue = waiting.stream().map(i -> {
            List<OpenOffer> its = offersOf.getOrDefault(i.id, List.of());
            Set<String> offeredTo = its.stream().map(OpenOffer::agentId).collect(Collectors.toCollection(TreeSet::new));
            Instant expires = its.stream().map(OpenOffer::expiresAt).filter(e -> e != null).min(Instant::compareTo)
                    .orElse(null);
            Map<String, Instant> skipsOf = skips.getOrDefault(i.id, Map.of());
            Set<String> resting = skipsOf.entrySet().stream().filter(e -> e.getValue().isAfter(now))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            return new Waiting(i.id, offeredTo, Set.copyOf(skipsOf.keySet()), resting, expires);
        }).toList();
        Map<String, AgentView> views = new HashMap<>();
        rows.forEach(a -> views.put(a.id(), new AgentView(a.id(), a.available(), a.active(), a.capacity(),
                Math.max(0, holds.getOrDefault(a.id(), 0)), a.lastEndedAt(), a.availableSince())));
        RoutingPlanner.Queue model = new RoutingPlanner.Queue(campaign.strategy(), config.autoAccept(),
                config.offerTimeout(), members, lastAssignedTo, queue, views);
        Map<String, Interaction> byInteraction = waiting.stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        return withdrawn.chain(() -> steps(campaign, model, byInteraction, changed, now, 0))
                .chain(more -> announce(campaign, model, byInteraction, changed, now).replaceWith(more));
    }

    private Uni<Boolean> steps(CampaignUpserted campaign, RoutingPlanner.Queue model,
            Map<String, Interaction> byInteraction, Set<String> changed, Instant now, int done) {
        if (done >= MAX_STEPS) {
            return Uni.createFrom().item(true);
        }
        Optional<Step> next = RoutingPlanner.next(model, now);
        if (next.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Step step = next.get();
        Interaction i = byInteraction.get(step.interactionId());
        Uni<Void> applied = switch (step) {
            case Assign a -> assign(i, a.agentId(), a.reason(), now);
            case Offer o -> offer(i, o, now);
        };
        return applied.invoke(() -> {
            model.apply(step);
            if (step instanceof Offer) {
                changed.add(step.interactionId());
            } else {
                changed.remove(step.interactionId());
            }
        }).chain(() -> steps(campaign, model, byInteraction, changed, now, done + 1));
    }

    private Uni<Void> offer(Interaction i, Offer o, Instant now) {
        Uni<Void> inserted = Uni.createFrom().voidItem();
        for (String agentId : o.agentIds()) {
            OpenOffer row = new OpenOffer(i.id, agentId, i.campaignId, o.strategy(), now, o.expiresAt(),
                    o.reserves(), o.reason());
            inserted = inserted.chain(() -> offers.insert(row));
        }
        // Round robin moves on when it offers, so the next interaction goes to the next agent meanwhile.
        return o.strategy() == Strategy.ROUND_ROBIN
                ? inserted.chain(() -> queueLock.recordAssignment(i.campaignId, o.agentIds().get(0)))
                : inserted;
    }

    /**
     * Gives {@code i} to {@code agentId}; the caller holds the campaign's queue lock and its transaction and
     * settles the queue afterwards. Fails with {@link LostRaceException} (rolling everything back) when the
     * interaction or the agent changed first.
     */
    public Uni<Void> assign(Interaction i, String agentId, AssignmentReason reason, Instant now) {
        return interactions.assign(i.id, agentId, now).chain(changed -> {
            if (changed == 0) {
                throw new LostRaceException("interaction " + i.id + " is no longer queued");
            }
            return agents.take(agentId, now);
        }).chain(taken -> {
            if (taken == 0) {
                throw new LostRaceException("agent " + agentId + " is no longer available or has no room");
            }
            Outcome answered = Outcome.answered(Duration.between(i.queuedAt, now),
                    Duration.ofSeconds(i.slThresholdSeconds));
            return offers.clear(i.id)
                    .chain(() -> queueLock.recordAssignment(i.campaignId, agentId))
                    .chain(() -> serviceLevels.count(i.campaignId, i.queuedAt, answered))
                    .chain(() -> outbox.add(i.id, InteractionEvents.assigned(i, agentId, now, reason)));
        });
    }

    /**
     * Announces the queue's new state: a {@code queued} event for each interaction whose position moved or whose
     * offers were all withdrawn, then an {@code offered} event (the full list of agents) for each interaction
     * whose offers changed or that was just announced as queued while it still has offers.
     */
    private Uni<Void> announce(CampaignUpserted campaign, RoutingPlanner.Queue model,
            Map<String, Interaction> byInteraction, Set<String> changed, Instant now) {
        List<Waiting> waiting = model.waiting();
        Set<String> withdrawn = waiting.stream()
                .filter(w -> w.offeredTo().isEmpty() && changed.contains(w.interactionId()))
                .map(Waiting::interactionId).collect(Collectors.toSet());
        List<Interaction> still = waiting.stream().map(w -> byInteraction.get(w.interactionId())).toList();
        return positions.announce(campaign, still, withdrawn).chain(announced -> {
            Uni<Void> published = Uni.createFrom().voidItem();
            for (Waiting w : waiting) {
                if (w.offeredTo().isEmpty()
                        || !changed.contains(w.interactionId()) && !announced.contains(w.interactionId())) {
                    continue;
                }
                Interaction i = byInteraction.get(w.interactionId());
                Instant expires = campaign.strategy() == Strategy.MANUAL || w.offerExpiresAt() == null
                        ? now.plus(MANUAL_OFFER_HORIZON) : w.offerExpiresAt();
                List<String> agentIds = List.copyOf(new TreeSet<>(w.offeredTo()));
                published = published.chain(() -> outbox.add(i.id,
                        InteractionEvents.offered(i, agentIds, campaign.strategy(), now, expires)));
            }
            return published;
        });
    }
}
