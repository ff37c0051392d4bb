package io.chatsuite.routing.assignment.service;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.routing.agent.Agent;
import io.chatsuite.routing.agent.repository.AgentRepository;
import io.chatsuite.routing.assignment.AgentSelector;
import io.chatsuite.routing.assignment.CandidateAgent;
import io.chatsuite.routing.campaign.CampaignQueueLock;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.mapping.InteractionEvents;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.chatsuite.routing.interaction.service.QueuePositions;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Gives waiting interactions to agents, oldest first, by the campaign's strategy. One assignment per
 * transaction, under the campaign's queue lock: the interaction moves QUEUED → ASSIGNED only if still queued,
 * and the agent's count rises only if it is still available and below capacity, so an interaction never gets
 * two agents and an agent never exceeds its capacity, whatever runs concurrently.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    // A queue moves at most this much per trigger; the sweep carries on with the rest.
    private static final int MAX_PER_TRIGGER = 200;
    private static final int ATTEMPTS = 5;

    private final InteractionRepository interactions;
    private final AgentRepository agents;
    private final CampaignQueueLock queueLock;
    private final QueuePositions positions;
    private final ServiceLevelRepository serviceLevels;
    private final Outbox outbox;
    private final Campaigns campaigns;
    private final Retries retries;
    private final Clock clock;

    public Dispatcher(InteractionRepository interactions, AgentRepository agents, CampaignQueueLock queueLock,
            QueuePositions positions, ServiceLevelRepository serviceLevels, Outbox outbox, Campaigns campaigns,
            Retries retries, Clock clock) {
        this.interactions = interactions;
        this.agents = agents;
        this.queueLock = queueLock;
        this.positions = positions;
        this.serviceLevels = serviceLevels;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * Moves the queues of {@code campaignIds} as far as their agents allow. Never fails: what it could not do
     * now, the sweep does later.
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

    private Uni<Void> dispatch(String campaignId, int done) {
        if (done >= MAX_PER_TRIGGER) {
            return Uni.createFrom().voidItem();
        }
        return retries.onTransientFailure(() -> Panache.withTransaction(() -> assignNext(campaignId)), ATTEMPTS)
                .chain(assigned -> assigned ? dispatch(campaignId, done + 1) : Uni.createFrom().voidItem());
    }

    /**
     * Assigns the oldest waiting interaction of the campaign, if an agent can take it; true when it did. Runs in
     * the caller's transaction.
     */
    Uni<Boolean> assignNext(String campaignId) {
        Optional<CampaignUpserted> found = campaigns.find(campaignId);
        if (found.isEmpty() || found.get().strategy() == Strategy.MANUAL) {
            return Uni.createFrom().item(false);
        }
        CampaignUpserted campaign = found.get();
        List<String> members = campaign.agentMembers() == null ? List.of() : campaign.agentMembers();
        return queueLock.lock(campaignId).chain(lastAssignedTo -> interactions.oldestWaiting(campaignId)
                .chain(next -> next == null ? Uni.createFrom().item(false)
                        : agents.eligible(members).chain(eligible -> {
                            Instant now = Times.now(clock);
                            return AgentSelector.select(campaign.strategy(), candidates(eligible), now, members,
                                            lastAssignedTo)
                                    .map(s -> assign(next, s.agentId(), s.reason(), now).replaceWith(true))
                                    .orElseGet(() -> Uni.createFrom().item(false));
                        })));
    }

    /**
     * Gives {@code i} to {@code agentId}; the caller holds the campaign's queue lock and its transaction. Fails
     * with {@link LostRaceException} (rolling everything back) when the interaction or the agent changed first.
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
            return queueLock.recordAssignment(i.campaignId, agentId)
                    .chain(() -> serviceLevels.count(i.campaignId, i.queuedAt, answered))
                    .chain(() -> outbox.add(i.id, InteractionEvents.assigned(i, agentId, now, reason)))
                    .chain(() -> positions.announce(i.campaignId));
        });
    }

    private static List<CandidateAgent> candidates(List<Agent> eligible) {
        return eligible.stream().map(a -> new CandidateAgent(a.id, a.active, a.capacity, a.lastEndedAt,
                a.availableSince)).toList();
    }
}
