package io.chatsuite.routing.engine;

import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.assignment.RoutingPlanner.Waiting;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.service.WaitEstimate;
import io.chatsuite.routing.offer.OpenOffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A queue as a batch holds it under its lock: its head, open offers and skips, and its length and cursor. */
final class LockedQueue {

    final String id;
    final CampaignUpserted campaign;
    /** The campaign's agent members, each once. */
    private final List<String> members;

    String lastAssignedTo;
    boolean cursorMoved;
    /** The first {@link BatchLoader#HEAD} waiting interactions (all when {@code complete}), first come first. */
    final List<Interaction> waiting = new ArrayList<>();

    boolean complete;
    int loaded;
    /** How many wait in the queue (kept in its row), as read and as it is now. */
    final int waitingAsRead;

    int total;
    /** Open offers per waiting interaction, by agent. */
    final Map<String, Map<String, OpenOffer>> offers = new LinkedHashMap<>();

    final Map<String, Map<String, Instant>> skips = new HashMap<>();
    /** Waiting interactions whose offers changed in this batch: they are announced again. */
    final Set<String> touched = new HashSet<>();

    Double averageWait;

    LockedQueue(String id, CampaignUpserted campaign, CampaignQueueStore.QueueRow row) {
        this.id = id;
        this.campaign = campaign;
        this.members = campaign == null || campaign.agentMembers() == null
                ? List.of()
                : campaign.agentMembers().stream().distinct().toList();
        this.lastAssignedTo = row.lastAssignedTo();
        this.waitingAsRead = row.waiting();
        this.total = row.waiting();
    }

    List<String> members() {
        return members;
    }

    /** Members and the agents holding offers of this queue. */
    Set<String> agentsOf() {
        Set<String> ids = new TreeSet<>(members());
        offers.values().forEach(byAgent -> ids.addAll(byAgent.keySet()));
        return ids;
    }

    OpenOffer offer(String interactionId, String agentId) {
        Map<String, OpenOffer> its = offers.get(interactionId);
        return its == null ? null : its.get(agentId);
    }

    List<OpenOffer> allOffers() {
        List<OpenOffer> all = new ArrayList<>();
        offers.values().forEach(byAgent -> all.addAll(byAgent.values()));
        return all;
    }

    Waiting planned(Interaction i, Instant at) {
        Map<String, OpenOffer> its = offers.getOrDefault(i.id, Map.of());
        Instant expires = its.values().stream()
                .map(OpenOffer::expiresAt)
                .filter(e -> e != null)
                .min(Instant::compareTo)
                .orElse(null);
        Map<String, Instant> skipsOf = skips.getOrDefault(i.id, Map.of());
        Set<String> resting = new HashSet<>();
        skipsOf.forEach((agent, until) -> {
            if (until.isAfter(at)) {
                resting.add(agent);
            }
        });
        return new Waiting(i.id, new TreeSet<>(its.keySet()), Set.copyOf(skipsOf.keySet()), resting, expires);
    }

    /** The wait to tell the customer at {@code position}, from the members available among {@code agents}. */
    Integer estimate(int position, Map<String, AgentState> agents) {
        long available = members().stream()
                .map(agents::get)
                .filter(a -> a != null && a.available())
                .count();
        return WaitEstimate.seconds(averageWait, position, available);
    }
}
