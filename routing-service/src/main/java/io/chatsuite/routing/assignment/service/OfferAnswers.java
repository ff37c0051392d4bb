package io.chatsuite.routing.assignment.service;

import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.routing.agent.repository.AgentRepository;
import io.chatsuite.routing.assignment.AgentSelector;
import io.chatsuite.routing.campaign.CampaignQueueLock;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.chatsuite.routing.interaction.service.RoutingService;
import io.chatsuite.routing.offer.OpenOffer;
import io.chatsuite.routing.offer.repository.OfferRepository;
import io.chatsuite.routing.support.Times;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Agents' answers to offers ({@code RoutingAccepted}, {@code RoutingDeclined}), each applied once. The first
 * acceptance of a still-waiting interaction wins, if the agent holds an open offer of it (or, in a MANUAL campaign,
 * is a member) and is still available and below capacity; every other answer changes nothing. A decline withdraws
 * the offer and skips the agent for that interaction for one offer timeout; the queue then settles (the next agent
 * gets the offer). Returns the campaigns whose queues may move.
 */
@ApplicationScoped
public class OfferAnswers {

    private static final Logger LOG = Logger.getLogger(OfferAnswers.class);

    private final InteractionRepository interactions;
    private final OfferRepository offers;
    private final AgentRepository agents;
    private final CampaignQueueLock queueLock;
    private final Campaigns campaigns;
    private final Dispatcher dispatcher;
    private final ProcessedEvents processed;
    private final RoutingConfig config;
    private final Clock clock;

    public OfferAnswers(InteractionRepository interactions, OfferRepository offers, AgentRepository agents,
            CampaignQueueLock queueLock, Campaigns campaigns, Dispatcher dispatcher, ProcessedEvents processed,
            RoutingConfig config, Clock clock) {
        this.interactions = interactions;
        this.offers = offers;
        this.agents = agents;
        this.queueLock = queueLock;
        this.campaigns = campaigns;
        this.dispatcher = dispatcher;
        this.processed = processed;
        this.config = config;
        this.clock = clock;
    }

    /** The queue is locked before the interaction is read, so what is read is what the answer applies to. */
    @WithTransaction
    public Uni<Set<String>> accepted(String eventId, String interactionId, String campaignId, String agentId) {
        return processed.firstTime(RoutingService.CONSUMER, eventId).chain(first -> !first ? none()
                : queueLock.lock(campaignId).chain(() -> waiting(interactionId, campaignId))
                        .chain(i -> i == null ? none() : accept(i, agentId)));
    }

    @WithTransaction
    public Uni<Set<String>> declined(String eventId, String interactionId, String campaignId, String agentId) {
        return processed.firstTime(RoutingService.CONSUMER, eventId).chain(first -> !first ? none()
                : queueLock.lock(campaignId).chain(() -> waiting(interactionId, campaignId))
                        .chain(i -> i == null ? none() : offers.delete(interactionId, agentId)
                        .chain(deleted -> {
                            if (deleted == 0) {
                                LOG.infof("%s declined %s, which was not offered to them (any more)", agentId,
                                        interactionId);
                                return none();
                            }
                            Instant until = Times.now(clock).plus(config.offerTimeout());
                            return offers.skip(interactionId, agentId, until)
                                    .chain(() -> dispatcher.settle(i.campaignId, Set.of(interactionId)))
                                    .replaceWith(Set.<String>of());
                        })));
    }

    private Uni<Set<String>> accept(Interaction i, String agentId) {
        if (i.state != InteractionState.QUEUED) {
            LOG.infof("%s accepted %s, which is %s: too late", agentId, i.id, i.state);
            return none();
        }
        CampaignUpserted campaign = campaigns.find(i.campaignId).orElse(null);
        boolean member = campaign != null && campaign.agentMembers() != null
                && campaign.agentMembers().contains(agentId);
        return offers.find(i.id, agentId).chain(offer -> {
            boolean picksFromManualQueue = offer == null && member && campaign.strategy() == Strategy.MANUAL;
            if (offer == null && !picksFromManualQueue) {
                LOG.infof("%s accepted %s, which was not offered to them (any more)", agentId, i.id);
                return none();
            }
            return agents.lockAll(List.of(agentId)).chain(rows -> {
                boolean canTake = !rows.isEmpty() && rows.get(0).available()
                        && rows.get(0).active() < rows.get(0).capacity();
                if (!canTake) {
                    // The offer cannot be honoured (agent away or full meanwhile): it is withdrawn.
                    LOG.infof("%s accepted %s but is not available or has no room", agentId, i.id);
                    return (offer == null ? Uni.createFrom().item(0) : offers.delete(i.id, agentId))
                            .chain(() -> dispatcher.settle(i.campaignId, Set.of(i.id)))
                            .replaceWith(Set.<String>of());
                }
                Instant now = Times.now(clock);
                return dispatcher.assign(i, agentId, reason(offer, agentId), now)
                        .chain(() -> dispatcher.settle(i.campaignId, Set.of()))
                        .replaceWith(Set.copyOf(campaigns.ofAgent(agentId)));
            });
        });
    }

    /** Why the agent got it: the reason recorded with its offer, with the winner's own score. */
    static AssignmentReason reason(OpenOffer offer, String agentId) {
        if (offer == null || offer.reason() == null) {
            return AgentSelector.manualPick(agentId);
        }
        AssignmentReason r = offer.reason();
        double score = r.candidates().stream().filter(c -> c.agentId().equals(agentId))
                .mapToDouble(AssignmentReason.Candidate::score).findFirst().orElse(r.winnerScore());
        return new AssignmentReason(r.strategy(), r.candidates(), score);
    }

    private Uni<Interaction> waiting(String interactionId, String campaignId) {
        return interactions.findById(interactionId).map(i -> {
            if (i == null || !i.campaignId.equals(campaignId)) {
                LOG.warnf("Answer to an offer of interaction %s of campaign %s ignored: no such interaction",
                        interactionId, campaignId);
                return null;
            }
            return i;
        });
    }

    private static Uni<Set<String>> none() {
        return Uni.createFrom().item(Set.of());
    }
}
