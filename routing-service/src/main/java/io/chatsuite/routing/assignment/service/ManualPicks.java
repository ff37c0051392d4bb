package io.chatsuite.routing.assignment.service;

import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.engine.RoutingEngine;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.interaction.api.InteractionView;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Agents of a {@code MANUAL} campaign pick interactions from its queue; the first pick wins and every other
 * gets a conflict. The pick goes through the routing engine like every other change to a queue, so it too can
 * never give an interaction twice or take an agent past its capacity.
 */
@ApplicationScoped
public class ManualPicks {

    private final InteractionRepository interactions;
    private final Campaigns campaigns;
    private final RoutingEngine engine;

    public ManualPicks(InteractionRepository interactions, Campaigns campaigns, RoutingEngine engine) {
        this.interactions = interactions;
        this.campaigns = campaigns;
        this.engine = engine;
    }

    public Uni<InteractionView> pick(String interactionId, String agentId, Set<String> callerGroups) {
        return Panache.withSession(() -> interactions.findById(interactionId))
                .chain(i -> {
                    CampaignUpserted campaign = i == null
                            ? null
                            : campaigns
                                    .find(i.campaignId)
                                    .filter(c -> callerGroups.contains(c.securityGroup()))
                                    .orElse(null);
                    if (campaign == null) {
                        throw ProblemException.notFound("Interaction", interactionId);
                    }
                    if (campaign.agentMembers() == null
                            || !campaign.agentMembers().contains(agentId)) {
                        throw new ProblemException(
                                403, "Forbidden", "You are not an agent of campaign " + campaign.name());
                    }
                    if (campaign.strategy() != Strategy.MANUAL) {
                        throw ProblemException.conflict("Campaign " + campaign.name() + " routes interactions itself ("
                                + campaign.strategy() + "); only MANUAL campaigns are picked from");
                    }
                    return engine.pick(i.id, i.campaignId, agentId);
                })
                .map(i -> new InteractionView(
                        i.id,
                        i.campaignId,
                        InteractionState.ASSIGNED,
                        i.customerName,
                        i.language,
                        i.requestedAt,
                        i.queuedAt,
                        null,
                        i.agentId,
                        i.assignedAt,
                        null,
                        null,
                        null));
    }
}
