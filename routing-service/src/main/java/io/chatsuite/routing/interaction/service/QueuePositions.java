package io.chatsuite.routing.interaction.service;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.agent.repository.AgentRepository;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.mapping.InteractionEvents;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells waiting customers their new place when the queue moves: each waiting interaction whose position changed
 * (or that must be announced again, e.g. its offers were withdrawn) gets a fresh {@code queued} event with an
 * estimated wait. Runs under the campaign's queue lock, in the transaction that moved the queue.
 */
@ApplicationScoped
public class QueuePositions {

    private final InteractionRepository interactions;
    private final AgentRepository agents;
    private final Outbox outbox;
    private final RoutingConfig config;

    public QueuePositions(InteractionRepository interactions, AgentRepository agents, Outbox outbox,
            RoutingConfig config) {
        this.interactions = interactions;
        this.agents = agents;
        this.outbox = outbox;
        this.config = config;
    }

    /** Announces the changed positions of the campaign's queue as it is in the database now. */
    public Uni<Set<String>> announce(CampaignUpserted campaign, String campaignId) {
        return interactions.waiting(campaignId).chain(waiting -> announce(campaign, waiting, Set.of()));
    }

    /** Announces a newly queued interaction at the back of the queue (its position is already stored). */
    public Uni<Void> announceArrival(CampaignUpserted campaign, Interaction i, int position) {
        List<String> members = campaign.agentMembers() == null ? List.of() : campaign.agentMembers();
        return interactions.averageWaitSeconds(i.campaignId, config.waitEstimateSamples())
                .chain(average -> agents.countAvailable(members).chain(available -> outbox.add(i.id,
                        InteractionEvents.queued(i, position, WaitEstimate.seconds(average, position, available)))));
    }

    /**
     * Announces the positions of {@code waiting} (the queue, first come first) that changed, and those of
     * {@code always}; returns the ids it announced.
     */
    public Uni<Set<String>> announce(CampaignUpserted campaign, List<Interaction> waiting, Set<String> always) {
        Set<String> announced = new HashSet<>();
        for (int index = 0; index < waiting.size(); index++) {
            Interaction i = waiting.get(index);
            int position = index + 1;
            if (always.contains(i.id) || i.announcedPosition == null || i.announcedPosition != position) {
                announced.add(i.id);
            }
        }
        if (announced.isEmpty()) {
            return Uni.createFrom().item(announced);
        }
        String campaignId = waiting.get(0).campaignId;
        List<String> members = campaign == null || campaign.agentMembers() == null ? List.of()
                : campaign.agentMembers();
        return interactions.averageWaitSeconds(campaignId, config.waitEstimateSamples())
                .chain(average -> agents.countAvailable(members).chain(available -> {
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (int index = 0; index < waiting.size(); index++) {
                        Interaction i = waiting.get(index);
                        int position = index + 1;
                        if (!announced.contains(i.id)) {
                            continue;
                        }
                        Integer eta = WaitEstimate.seconds(average, position, available);
                        done = done.chain(() -> interactions.announcePosition(i.id, position))
                                .chain(() -> outbox.add(i.id, InteractionEvents.queued(i, position, eta)));
                    }
                    return done;
                }))
                .replaceWith(announced);
    }
}
