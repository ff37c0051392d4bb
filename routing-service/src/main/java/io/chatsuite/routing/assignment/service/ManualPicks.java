package io.chatsuite.routing.assignment.service;

import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.assignment.AgentSelector;
import io.chatsuite.routing.campaign.CampaignQueueLock;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.interaction.api.InteractionView;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.chatsuite.routing.support.LostRaceException;
import io.chatsuite.routing.support.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Agents of a {@code MANUAL} campaign pick interactions from its queue; the first pick wins and every other
 * gets a conflict. The pick goes through the same guarded assignment as automatic routing, so it too can never
 * give an interaction twice or take an agent past its capacity.
 */
@ApplicationScoped
public class ManualPicks {

    private final InteractionRepository interactions;
    private final CampaignQueueLock queueLock;
    private final Campaigns campaigns;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public ManualPicks(InteractionRepository interactions, CampaignQueueLock queueLock, Campaigns campaigns,
            Dispatcher dispatcher, Clock clock) {
        this.interactions = interactions;
        this.queueLock = queueLock;
        this.campaigns = campaigns;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<InteractionView> pick(String interactionId, String agentId, Set<String> callerGroups) {
        return interactions.findById(interactionId).chain(i -> {
            CampaignUpserted campaign = i == null ? null : campaigns.find(i.campaignId)
                    .filter(c -> callerGroups.contains(c.securityGroup())).orElse(null);
            if (campaign == null) {
                throw ProblemException.notFound("Interaction", interactionId);
            }
            if (campaign.agentMembers() == null || !campaign.agentMembers().contains(agentId)) {
                throw new ProblemException(403, "Forbidden", "You are not an agent of campaign " + campaign.name());
            }
            if (campaign.strategy() != Strategy.MANUAL) {
                throw ProblemException.conflict("Campaign " + campaign.name() + " routes interactions itself ("
                        + campaign.strategy() + "); only MANUAL campaigns are picked from");
            }
            return queueLock.lock(i.campaignId)
                    .chain(() -> Panache.getSession().chain(s -> s.refresh(i)))
                    .chain(() -> take(i, agentId));
        });
    }

    private Uni<InteractionView> take(Interaction i, String agentId) {
        if (i.state != InteractionState.QUEUED) {
            throw ProblemException.conflict("Interaction " + i.id + " is no longer waiting (" + i.state + ")");
        }
        Instant now = Times.now(clock);
        return dispatcher.assign(i, agentId, AgentSelector.manualPick(agentId), now)
                .onFailure(LostRaceException.class).transform(e -> ProblemException.conflict(
                        "You cannot take an interaction now: you are not available or already hold as many as "
                                + "you may"))
                // The others' offers of the picked interaction, and the picker's if now full, are withdrawn.
                .call(() -> dispatcher.settle(i.campaignId, Set.of()))
                // The entity is stale after the guarded update; the view says what this transaction wrote.
                .map(done -> new InteractionView(i.id, i.campaignId, InteractionState.ASSIGNED, i.customerName,
                        i.language, i.requestedAt, i.queuedAt, null, agentId, now, null, null, null));
    }
}
