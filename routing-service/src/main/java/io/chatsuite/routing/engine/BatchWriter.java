package io.chatsuite.routing.engine;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.routing.engine.OfferStore.Skip;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.offer.OpenOffer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch's outcome in one pipelined round trip of set-based statements, by difference with what it read:
 * new interactions, changed interactions and agents (each guarded by the state read under the lock), offers and
 * skips, round-robin cursors and queue lengths, service-level counters and the outbox events.
 */
final class BatchWriter {

    private BatchWriter() {}

    static Uni<Void> write(SqlConnection c, BatchState state) {
        Set<String> createdIds = new HashSet<>();
        state.created.forEach(i -> createdIds.add(i.id));
        List<Interaction> updated = state.changedRows.stream()
                .filter(id -> !createdIds.contains(id))
                .map(state.rows::get)
                .toList();
        Set<OpenOffer> open = new HashSet<>();
        state.queues.values().forEach(q -> open.addAll(q.allOffers()));
        Set<OpenOffer> asRead = new HashSet<>(state.offersAsRead);
        List<OpenOffer> withdrawn =
                state.offersAsRead.stream().filter(o -> !open.contains(o)).toList();
        List<OpenOffer> made = open.stream().filter(o -> !asRead.contains(o)).toList();
        List<Skip> skips = state.newSkips.stream()
                .filter(s -> !state.leftQueue.contains(s.interactionId()))
                .toList();
        List<String> left =
                state.leftQueue.stream().filter(id -> !createdIds.contains(id)).toList();
        List<AgentState> loads =
                state.agents.values().stream().filter(a -> a.changed).toList();
        Map<String, CampaignQueueStore.QueueRow> queueRows = new HashMap<>();
        state.queues.values().stream()
                .filter(q -> q.cursorMoved || q.total != q.waitingAsRead)
                .forEach(q -> queueRows.put(q.id, new CampaignQueueStore.QueueRow(q.lastAssignedTo, q.total)));
        // Sent together, in this order (offers and skips refer to the interactions inserted first).
        return Uni.combine()
                .all()
                .unis(
                        InteractionStore.insertInteractions(c, state.created),
                        InteractionStore.updateInteractions(c, updated, state.readAs),
                        OfferStore.deleteOffers(c, withdrawn),
                        OfferStore.insertOffers(c, made),
                        OfferStore.writeSkips(c, left, skips),
                        AgentStore.updateAgents(c, loads),
                        CampaignQueueStore.updateQueues(c, queueRows),
                        ServiceLevelCounterStore.countOutcomes(c, state.counts),
                        Outbox.addAll(c, state.events))
                .discardItems();
    }
}
