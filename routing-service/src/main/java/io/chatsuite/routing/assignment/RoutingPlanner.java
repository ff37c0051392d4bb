package io.chatsuite.routing.assignment;

import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides the next step of a campaign's queue: give the oldest interaction that can be served to an agent, or
 * offer it, by the campaign's strategy. Pure: the caller loads the queue (under its lock), applies each step to the
 * database and to the {@link Queue} with {@link Queue#apply}, and asks again until there is nothing to do.
 *
 * <ul>
 * <li>Eligible: a member of the campaign, AVAILABLE, and with room: {@code active + reserved < capacity}, where
 *     {@code reserved} counts the agent's open offers that hold capacity (all but MANUAL ones, in any campaign).
 *     An agent who declined the interaction or let its offer expire is not offered it again within an offer
 *     timeout, and, by the targeted strategies, only after every other eligible agent had their turn.</li>
 * <li>{@code RING_ALL}: offered to every eligible agent; agents who become eligible while it rings join the ring.
 * </li>
 * <li>{@code LONGEST_IDLE}, {@code LEAST_BUSY}, {@code ROUND_ROBIN}: {@link AgentSelector} chooses one agent;
 *     with auto-accept the interaction is assigned at once, otherwise offered to that agent alone, and not to
 *     anyone else while that offer is open.</li>
 * <li>{@code MANUAL}: every waiting interaction is offered to every member who is available and below capacity
 *     (these offers hold no capacity); agents pick.</li>
 * </ul>
 * Interactions are considered oldest first, so a free agent always goes to the oldest interaction that may have
 * them (first come, first served).
 */
public final class RoutingPlanner {

    private RoutingPlanner() {}

    /** What routing knows of an agent when planning. */
    public record AgentView(
            String id,
            boolean available,
            int active,
            int capacity,
            int reserved,
            Instant lastEndedAt,
            Instant availableSince) {

        /** May take (or be offered, holding capacity) one more interaction. */
        public boolean hasRoom() {
            return available && active + reserved < capacity;
        }

        /** May pick from a manual queue. */
        public boolean belowCapacity() {
            return available && active < capacity;
        }

        CandidateAgent candidate() {
            return new CandidateAgent(id, active, capacity, lastEndedAt, availableSince);
        }

        AgentView with(int newActive, int newReserved) {
            return new AgentView(id, available, newActive, capacity, newReserved, lastEndedAt, availableSince);
        }
    }

    /**
     * A waiting interaction: the agents it is offered to now, those who declined it or let its offer expire
     * ({@code skipped}), and those of them who did so less than an offer timeout ago ({@code resting}).
     */
    public record Waiting(
            String interactionId,
            Set<String> offeredTo,
            Set<String> skipped,
            Set<String> resting,
            Instant offerExpiresAt) {

        public Waiting(String interactionId, Set<String> offeredTo, Set<String> skipped, Instant offerExpiresAt) {
            this(interactionId, offeredTo, skipped, skipped, offerExpiresAt);
        }
    }

    /** One step. */
    public sealed interface Step permits Assign, Offer {
        String interactionId();

        AssignmentReason reason();
    }

    /** Give the interaction to the agent now. */
    public record Assign(String interactionId, String agentId, AssignmentReason reason) implements Step {}

    /**
     * Offer the interaction to {@code agentIds} (in addition to those it is already offered to), until
     * {@code expiresAt} (null: MANUAL, no expiry).
     */
    public record Offer(
            String interactionId, List<String> agentIds, Strategy strategy, Instant expiresAt, AssignmentReason reason)
            implements Step {

        /** Offers of every strategy but MANUAL hold one unit of the agent's capacity until answered. */
        public boolean reserves() {
            return strategy != Strategy.MANUAL;
        }
    }

    /** A campaign's queue as the planner sees it; mutable only through {@link #apply}. */
    public static final class Queue {
        private final Strategy strategy;
        private final boolean autoAccept;
        private final List<String> members;
        private final Duration offerTimeout;
        private final List<Waiting> waiting;
        private final Map<String, AgentView> agents;
        private String lastAssignedTo;

        public Queue(
                Strategy strategy,
                boolean autoAccept,
                Duration offerTimeout,
                List<String> members,
                String lastAssignedTo,
                List<Waiting> waiting,
                Map<String, AgentView> agents) {
            this.strategy = strategy;
            this.autoAccept = autoAccept;
            this.offerTimeout = offerTimeout;
            this.members = List.copyOf(members);
            this.lastAssignedTo = lastAssignedTo;
            this.waiting = new ArrayList<>(waiting);
            this.agents = new TreeMap<>(agents);
        }

        public List<Waiting> waiting() {
            return List.copyOf(waiting);
        }

        public Map<String, AgentView> agents() {
            return Map.copyOf(agents);
        }

        public String lastAssignedTo() {
            return lastAssignedTo;
        }

        /** The queue after {@code step} was carried out. */
        public void apply(Step step) {
            int index = indexOf(step.interactionId());
            Waiting w = waiting.get(index);
            switch (step) {
                case Assign a -> {
                    waiting.remove(index);
                    release(w);
                    AgentView agent = agents.get(a.agentId());
                    agents.put(agent.id(), agent.with(agent.active() + 1, agent.reserved()));
                    lastAssignedTo = a.agentId();
                }
                case Offer o -> {
                    Set<String> offered = new LinkedHashSet<>(w.offeredTo());
                    offered.addAll(o.agentIds());
                    waiting.set(
                            index,
                            new Waiting(
                                    w.interactionId(),
                                    offered,
                                    w.skipped(),
                                    w.resting(),
                                    w.offerExpiresAt() != null ? w.offerExpiresAt() : o.expiresAt()));
                    if (o.reserves()) {
                        for (String id : o.agentIds()) {
                            AgentView agent = agents.get(id);
                            agents.put(id, agent.with(agent.active(), agent.reserved() + 1));
                        }
                    }
                    if (strategy == Strategy.ROUND_ROBIN) {
                        lastAssignedTo = o.agentIds().get(0);
                    }
                }
            }
        }

        // The interaction's offers end with its assignment; those that held capacity give it back.
        private void release(Waiting w) {
            if (strategy == Strategy.MANUAL) {
                return;
            }
            for (String id : w.offeredTo()) {
                AgentView agent = agents.get(id);
                if (agent != null) {
                    agents.put(id, agent.with(agent.active(), Math.max(0, agent.reserved() - 1)));
                }
            }
        }

        private int indexOf(String interactionId) {
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i).interactionId().equals(interactionId)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(interactionId + " is not waiting");
        }
    }

    /** The next step for the queue, or empty when nothing can move now. */
    public static Optional<Step> next(Queue q, Instant now) {
        for (Waiting w : q.waiting) {
            Optional<Step> step = switch (q.strategy) {
                case MANUAL -> manual(q, w);
                case RING_ALL -> ringAll(q, w, now);
                case LONGEST_IDLE, LEAST_BUSY, ROUND_ROBIN -> targeted(q, w, now);
            };
            if (step.isPresent()) {
                return step;
            }
        }
        return Optional.empty();
    }

    private static Optional<Step> targeted(Queue q, Waiting w, Instant now) {
        if (!w.offeredTo().isEmpty()) {
            return Optional.empty();
        }
        // Agents who declined or let it expire come last: only when everyone else had their turn, and not again
        // within an offer timeout.
        List<AgentView> eligible = eligible(q, w);
        List<AgentView> fresh =
                eligible.stream().filter(a -> !w.skipped().contains(a.id())).toList();
        List<CandidateAgent> candidates = (fresh.isEmpty() ? eligible : fresh)
                .stream().map(AgentView::candidate).toList();
        return AgentSelector.select(q.strategy, candidates, now, q.members, q.lastAssignedTo)
                .map(s -> q.autoAccept
                        ? new Assign(w.interactionId(), s.agentId(), s.reason())
                        : new Offer(
                                w.interactionId(),
                                List.of(s.agentId()),
                                q.strategy,
                                now.plus(q.offerTimeout),
                                s.reason()));
    }

    private static Optional<Step> ringAll(Queue q, Waiting w, Instant now) {
        List<AgentView> joining = eligible(q, w).stream()
                .filter(a -> !w.offeredTo().contains(a.id()))
                .toList();
        if (joining.isEmpty()) {
            return Optional.empty();
        }
        // Everyone ringing is a candidate; scored by idle time, so the reason tells who had waited longest.
        List<CandidateAgent> ringing =
                new ArrayList<>(joining.stream().map(AgentView::candidate).toList());
        w.offeredTo().stream()
                .map(q.agents::get)
                .filter(a -> a != null)
                .map(AgentView::candidate)
                .forEach(ringing::add);
        AssignmentReason reason = AgentSelector.select(Strategy.RING_ALL, ringing, now, q.members, q.lastAssignedTo)
                .orElseThrow()
                .reason();
        Instant expires = w.offerExpiresAt() != null ? w.offerExpiresAt() : now.plus(q.offerTimeout);
        return Optional.of(new Offer(
                w.interactionId(), joining.stream().map(AgentView::id).toList(), Strategy.RING_ALL, expires, reason));
    }

    private static Optional<Step> manual(Queue q, Waiting w) {
        List<String> joining = q.members.stream()
                .distinct()
                .sorted()
                .map(q.agents::get)
                .filter(a -> a != null
                        && a.belowCapacity()
                        && !w.offeredTo().contains(a.id())
                        && !w.resting().contains(a.id()))
                .map(AgentView::id)
                .toList();
        if (joining.isEmpty()) {
            return Optional.empty();
        }
        List<AssignmentReason.Candidate> candidates = new ArrayList<>();
        w.offeredTo().forEach(id -> candidates.add(new AssignmentReason.Candidate(id, 1)));
        joining.forEach(id -> candidates.add(new AssignmentReason.Candidate(id, 1)));
        return Optional.of(new Offer(
                w.interactionId(),
                joining,
                Strategy.MANUAL,
                null,
                new AssignmentReason(Strategy.MANUAL, candidates, 1)));
    }

    private static List<AgentView> eligible(Queue q, Waiting w) {
        return q.members.stream()
                .distinct()
                .map(q.agents::get)
                .filter(a -> a != null && a.hasRoom() && !w.resting().contains(a.id()))
                .sorted(Comparator.comparing(AgentView::id))
                .toList();
    }
}
