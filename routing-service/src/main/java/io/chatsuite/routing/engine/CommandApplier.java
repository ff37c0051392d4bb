package io.chatsuite.routing.engine;

import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.ScheduleRules;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.routing.assignment.AgentSelector;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.interaction.mapping.InteractionEventFactory;
import io.chatsuite.routing.offer.OpenOffer;
import io.chatsuite.routing.servicelevel.Outcome;
import io.chatsuite.routing.support.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The interaction's state machine as commands drive it, applied in memory to a {@link BatchState} in command
 * order: arrivals join the back of their queue or are rejected, closes abandon or end, answers accept or decline
 * offers, picks take from a manual queue.
 */
final class CommandApplier {

    private static final Logger LOG = Logger.getLogger(CommandApplier.class);

    private final BatchState state;
    private final Campaigns campaigns;
    private final RoutingConfig config;
    /** The outcome of a {@link Command.Pick}, if the batch had one, and the interaction picked. */
    Batch.PickResult pickResult;

    Interaction picked;

    CommandApplier(BatchState state, Campaigns campaigns, RoutingConfig config) {
        this.state = state;
        this.campaigns = campaigns;
        this.config = config;
    }

    void apply(Command cmd) {
        switch (cmd) {
            case Command.Request r -> request(r.request(), r.campaign());
            case Command.Close cl -> close(cl);
            case Command.Accept a -> accept(a);
            case Command.Decline d -> decline(d);
            case Command.Pick p -> pick(p);
        }
    }

    private void request(RoutingRequested request, CampaignUpserted campaign) {
        Interaction existing = state.rows.get(request.interactionId());
        if (existing != null) {
            LOG.infof("Interaction %s was already requested (%s); ignoring the repeat", existing.id, existing.state);
            return;
        }
        Instant now = state.now;
        Interaction i = new Interaction();
        i.id = request.interactionId();
        i.campaignId = request.campaignId();
        i.customerName = request.customerName();
        i.language = language(request.language(), campaign);
        i.requestedAt = request.requestedAt() == null ? now : Times.micros(request.requestedAt());
        state.rows.put(i.id, i);
        state.created.add(i);
        LockedQueue q = state.queues.get(i.campaignId);
        if (campaign == null || q == null) {
            reject(i, RejectReason.UNKNOWN_CAMPAIGN);
        } else if (!ScheduleRules.isOpen(campaign.schedule(), now)) {
            reject(i, RejectReason.OUT_OF_HOURS);
        } else if (q.total >= campaign.maxWaiting()) {
            reject(i, RejectReason.UNAVAILABLE);
        } else {
            i.state = InteractionState.QUEUED;
            i.queueSeq = state.seqs.next();
            i.queuedAt = now;
            i.slThresholdSeconds = campaign.serviceLevelSeconds();
            q.total++;
            if (q.complete) {
                q.waiting.add(i);
            }
            i.announcedPosition = q.total;
            state.count(i, now, Outcome.OFFERED);
            state.emit(i, InteractionEventFactory.queued(i, q.total, state.estimate(q, q.total)));
        }
    }

    private void reject(Interaction i, RejectReason reason) {
        i.state = InteractionState.REJECTED;
        i.rejectReason = reason;
        i.closedAt = state.now;
        state.emit(i, InteractionEventFactory.rejected(i));
    }

    private void close(Command.Close cl) {
        Interaction i = state.rows.get(cl.interactionId());
        if (i == null) {
            LOG.warnf("Close of unknown interaction %s ignored", cl.interactionId());
            return;
        }
        if (i.state == InteractionState.QUEUED && !state.queues.containsKey(i.campaignId)) {
            // The close named another campaign (or was looked up before the interaction was queued): the batch
            // runs again with that queue locked too.
            throw new Batch.MissingQueueLock(i.campaignId);
        }
        if (i.state == InteractionState.QUEUED) {
            Instant at = state.within(cl.at(), i.queuedAt);
            LockedQueue q = state.queues.get(i.campaignId);
            state.leave(q, i);
            state.change(i, InteractionState.ABANDONED);
            i.closedAt = at;
            i.endedBy = Party.CUSTOMER;
            Duration waited = Duration.between(i.queuedAt, at);
            state.count(
                    i,
                    i.queuedAt,
                    Outcome.abandoned(
                            waited,
                            Duration.ofSeconds(i.slThresholdSeconds),
                            Outcome.shortAbandon(Optional.ofNullable(q.campaign), config.shortAbandon())));
            state.emit(i, InteractionEventFactory.abandoned(i, at));
        } else if (i.state == InteractionState.ASSIGNED) {
            Instant at = state.within(cl.at(), i.assignedAt);
            Party by = cl.by() == null ? Party.SYSTEM : cl.by();
            state.change(i, InteractionState.ENDED);
            i.closedAt = at;
            i.endedBy = by;
            AgentState agent = state.agents.get(i.agentId);
            if (agent == null || agent.active == 0) {
                LOG.warnf("Agent %s held no interaction when %s ended", i.agentId, i.id);
            } else {
                agent.release(at);
            }
            state.emit(i, InteractionEventFactory.ended(i, i.agentId, by, at));
            // The freed agent may serve any of its queues.
            campaigns.ofAgent(i.agentId).stream()
                    .filter(id -> !state.queues.containsKey(id))
                    .forEach(state.followUp::add);
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
        LockedQueue q = state.queues.get(i.campaignId);
        OpenOffer offer = q.offer(i.id, a.agentId());
        boolean picksFromManualQueue = offer == null
                && q.campaign != null
                && q.campaign.strategy() == Strategy.MANUAL
                && q.members().contains(a.agentId());
        if (offer == null && !picksFromManualQueue) {
            LOG.infof("%s accepted %s, which was not offered to them (any more)", a.agentId(), i.id);
            return;
        }
        AgentState agent = state.agents.get(a.agentId());
        if (agent == null || !agent.belowCapacity()) {
            // The offer cannot be honoured (agent away or full meanwhile): it is withdrawn.
            LOG.infof("%s accepted %s but is not available or has no room", a.agentId(), i.id);
            if (offer != null) {
                state.withdraw(q, offer);
            }
            q.touched.add(i.id);
            return;
        }
        state.assign(q, i, agent, reason(offer, a.agentId()));
    }

    private void decline(Command.Decline d) {
        Interaction i = answered(d.interactionId(), d.campaignId());
        if (i == null || i.state != InteractionState.QUEUED) {
            return;
        }
        LockedQueue q = state.queues.get(i.campaignId);
        OpenOffer offer = q.offer(i.id, d.agentId());
        if (offer == null) {
            LOG.infof("%s declined %s, which was not offered to them (any more)", d.agentId(), i.id);
            return;
        }
        state.withdraw(q, offer);
        state.skip(q, i.id, d.agentId());
        q.touched.add(i.id);
    }

    private void pick(Command.Pick p) {
        Interaction i = state.rows.get(p.interactionId());
        picked = i;
        if (i == null || i.state != InteractionState.QUEUED || !state.queues.containsKey(i.campaignId)) {
            pickResult = Batch.PickResult.NOT_WAITING;
            return;
        }
        AgentState agent = state.agents.get(p.agentId());
        if (agent == null || !agent.belowCapacity()) {
            pickResult = Batch.PickResult.CANNOT_TAKE;
            return;
        }
        state.assign(state.queues.get(i.campaignId), i, agent, AgentSelector.manualPick(p.agentId()));
        pickResult = Batch.PickResult.PICKED;
    }

    private Interaction answered(String interactionId, String campaignId) {
        Interaction i = state.rows.get(interactionId);
        if (i == null || !i.campaignId.equals(campaignId) || !state.queues.containsKey(campaignId)) {
            LOG.warnf(
                    "Answer to an offer of interaction %s of campaign %s ignored: no such interaction",
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
        double score = r.candidates().stream()
                .filter(x -> x.agentId().equals(agentId))
                .mapToDouble(AssignmentReason.Candidate::score)
                .findFirst()
                .orElse(r.winnerScore());
        return new AssignmentReason(r.strategy(), r.candidates(), score);
    }

    // The widget always sends one; an old or foreign client may not, and the campaign's default is then right.
    private static String language(String requested, CampaignUpserted campaign) {
        if (requested != null && List.of("es", "en", "pt").contains(requested)) {
            return requested;
        }
        return campaign != null && campaign.defaultLanguage() != null ? campaign.defaultLanguage() : "en";
    }
}
