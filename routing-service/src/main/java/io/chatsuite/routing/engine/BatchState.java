package io.chatsuite.routing.engine;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.routing.engine.OfferStore.Skip;
import io.chatsuite.routing.engine.ServiceLevelCounterStore.IntervalKey;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.interaction.mapping.InteractionEventFactory;
import io.chatsuite.routing.offer.OpenOffer;
import io.chatsuite.routing.servicelevel.Outcome;
import io.chatsuite.routing.support.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one batch holds in memory: the rows it read under its locks and every change made to them, with the moves
 * both the commands and the settling of queues make (assign, leave a queue, withdraw an offer, skip an agent).
 * The writer turns it into statements by difference with what was read.
 */
final class BatchState {

    final List<Command> commands;
    final Duration offerTimeout;
    /** Taken once the queues are locked, so batches that wait for each other stamp their changes in order. */
    Instant now;

    final Map<String, Interaction> rows = new HashMap<>();
    final Map<String, InteractionState> readAs = new HashMap<>();
    final List<Interaction> created = new ArrayList<>();
    final Set<String> changedRows = new LinkedHashSet<>();
    final Map<String, LockedQueue> queues = new TreeMap<>();
    Map<String, AgentState> agents = Map.of();
    final List<OpenOffer> offersAsRead = new ArrayList<>();
    final List<Skip> newSkips = new ArrayList<>();
    final Set<String> leftQueue = new HashSet<>();
    final Map<IntervalKey, int[]> counts = new HashMap<>();
    final List<Outbox.Keyed> events = new ArrayList<>();
    /** Queue sequence numbers reserved for this batch's arrivals. */
    Iterator<Long> seqs;

    /** Campaigns to dispatch after the commit: their queue was not locked here, or has more to do. */
    final Set<String> followUp = new TreeSet<>();
    /** Campaigns whose waiting customers moved up: their positions are due for announcement. */
    final Set<String> moved = new TreeSet<>();

    BatchState(List<Command> commands, Duration offerTimeout) {
        this.commands = new ArrayList<>(commands);
        this.offerTimeout = offerTimeout;
    }

    /** One object per interaction, whichever read found it first. */
    Interaction adopt(Interaction i) {
        Interaction known = rows.putIfAbsent(i.id, i);
        if (known != null) {
            return known;
        }
        readAs.put(i.id, i.state);
        return i;
    }

    void assign(LockedQueue q, Interaction i, AgentState agent, AssignmentReason reason) {
        leave(q, i);
        agent.take(now);
        change(i, InteractionState.ASSIGNED);
        i.agentId = agent.id;
        i.assignedAt = now;
        q.lastAssignedTo = agent.id;
        q.cursorMoved = true;
        count(
                i,
                i.queuedAt,
                Outcome.answered(Duration.between(i.queuedAt, now), Duration.ofSeconds(i.slThresholdSeconds)));
        emit(i, InteractionEventFactory.assigned(i, agent.id, now, reason));
    }

    /** The interaction leaves the queue (assigned or abandoned): its offers and skips go, those behind move up. */
    void leave(LockedQueue q, Interaction i) {
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

    void withdraw(LockedQueue q, OpenOffer o) {
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
    void skip(LockedQueue q, String interactionId, String agentId) {
        Instant until = now.plus(offerTimeout);
        q.skips.computeIfAbsent(interactionId, k -> new TreeMap<>()).put(agentId, until);
        newSkips.add(new Skip(interactionId, agentId, until));
    }

    /** The wait to tell a customer at {@code position} of the queue. */
    Integer estimate(LockedQueue q, int position) {
        return q.estimate(position, agents);
    }

    void change(Interaction i, InteractionState state) {
        i.state = state;
        changedRows.add(i.id);
    }

    void setPosition(Interaction i, int position) {
        i.announcedPosition = position;
        changedRows.add(i.id);
    }

    void count(Interaction i, Instant arrivedAt, Outcome outcome) {
        counts.computeIfAbsent(IntervalKey.of(i.campaignId, arrivedAt), k -> new int[Outcome.values().length])[
                outcome.ordinal()]++;
    }

    void emit(Interaction i, CloudEvent event) {
        events.add(new Outbox.Keyed(i.id, event));
    }

    /** The instant a party says something happened, kept between the previous step and now (clock skew). */
    Instant within(Instant claimed, Instant notBefore) {
        if (claimed == null || claimed.isAfter(now)) {
            return now;
        }
        Instant at = Times.micros(claimed);
        return notBefore != null && at.isBefore(notBefore) ? notBefore : at;
    }
}
