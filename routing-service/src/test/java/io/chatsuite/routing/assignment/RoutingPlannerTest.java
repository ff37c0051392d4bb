package io.chatsuite.routing.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.assignment.RoutingPlanner.AgentView;
import io.chatsuite.routing.assignment.RoutingPlanner.Assign;
import io.chatsuite.routing.assignment.RoutingPlanner.Offer;
import io.chatsuite.routing.assignment.RoutingPlanner.Step;
import io.chatsuite.routing.assignment.RoutingPlanner.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The planner against a deliberately plain reference model of the strategy rules (docs/architecture.md,
 * "Strategies"), on thousands of seeded random queues; and the invariants over whole runs: an interaction is
 * assigned at most once, no agent is given more than its capacity (counting the offers that hold it), the queue
 * is served first come, first served.
 */
class RoutingPlannerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int ROUNDS = 5000;

    @Test
    void everyStepIsTheOneTheReferenceModelChooses() {
        for (int seed = 0; seed < ROUNDS; seed++) {
            Scenario s = Scenario.random(new Random(seed));
            Optional<Step> actual = RoutingPlanner.next(s.queue(), NOW);
            Optional<Expected> expected = Reference.next(s);
            assertEquals(expected, actual.map(Expected::of), "seed " + seed + ": " + s);
        }
    }

    @Test
    void wholeRunsAssignOnceStayWithinCapacityAndServeFirstComeFirst() {
        for (int seed = 0; seed < ROUNDS; seed++) {
            Scenario s = Scenario.random(new Random(seed));
            RoutingPlanner.Queue q = s.queue();
            Set<String> assigned = new HashSet<>();
            List<String> servedOrder = new ArrayList<>();
            int steps = 0;
            for (Optional<Step> step = RoutingPlanner.next(q, NOW);
                    step.isPresent();
                    step = RoutingPlanner.next(q, NOW)) {
                assertTrue(++steps <= 200, "seed " + seed + " does not settle");
                Step st = step.get();
                if (st instanceof Assign a) {
                    assertTrue(assigned.add(a.interactionId()), "seed " + seed + " assigned twice");
                    servedOrder.add(a.interactionId());
                    AgentView agent = q.agents().get(a.agentId());
                    assertTrue(agent.active() + agent.reserved() < agent.capacity(), "seed " + seed + " over capacity");
                }
                if (st instanceof Offer o && o.reserves()) {
                    for (String id : o.agentIds()) {
                        AgentView agent = q.agents().get(id);
                        assertTrue(
                                agent.active() + agent.reserved() < agent.capacity(),
                                "seed " + seed + " offered beyond capacity to " + id);
                    }
                }
                q.apply(st);
            }
            for (AgentView a : q.agents().values()) {
                AgentView before = s.agents.get(a.id());
                if (before.active() + before.reserved() <= before.capacity()) {
                    assertTrue(a.active() + a.reserved() <= a.capacity(), "seed " + seed + ": " + a);
                }
            }
            // First come, first served: with nobody skipped, what was served is the head of the queue.
            boolean noSkips = s.waiting.stream()
                    .allMatch(w -> w.skipped().isEmpty() && w.offeredTo().isEmpty());
            if (noSkips && s.autoAccept && isTargeted(s.strategy)) {
                List<String> head = s.waiting.stream()
                        .map(Waiting::interactionId)
                        .limit(servedOrder.size())
                        .toList();
                assertEquals(head, servedOrder, "seed " + seed);
            }
            assertFalse(RoutingPlanner.next(q, NOW).isPresent());
        }
    }

    @Test
    void anOfferedInteractionWaitsForItsAgentAndTheNextOneGoesToAnother() {
        Map<String, AgentView> agents = Map.of(
                "ann", new AgentView("ann", true, 0, 1, 0, null, NOW.minusSeconds(50)),
                "ben", new AgentView("ben", true, 0, 1, 0, null, NOW.minusSeconds(10)));
        RoutingPlanner.Queue q = new RoutingPlanner.Queue(
                Strategy.LONGEST_IDLE,
                false,
                TIMEOUT,
                List.of("ann", "ben"),
                null,
                List.of(waiting("i1"), waiting("i2"), waiting("i3")),
                agents);

        Offer first = (Offer) RoutingPlanner.next(q, NOW).orElseThrow();
        assertEquals(List.of("ann"), first.agentIds());
        assertEquals("i1", first.interactionId());
        assertEquals(NOW.plus(TIMEOUT), first.expiresAt());
        q.apply(first);
        Offer second = (Offer) RoutingPlanner.next(q, NOW).orElseThrow();
        assertEquals("i2", second.interactionId());
        assertEquals(List.of("ben"), second.agentIds());
        q.apply(second);
        // Both hold an offer, which holds their only place: i3 waits.
        assertEquals(Optional.empty(), RoutingPlanner.next(q, NOW));
    }

    private static boolean isTargeted(Strategy s) {
        return s == Strategy.LONGEST_IDLE || s == Strategy.LEAST_BUSY || s == Strategy.ROUND_ROBIN;
    }

    private static Waiting waiting(String id) {
        return new Waiting(id, Set.of(), Set.of(), null);
    }

    /** The comparable part of a step: what is done to which interaction and agents (reasons are checked apart). */
    record Expected(String kind, String interactionId, List<String> agentIds) {
        static Expected of(Step step) {
            return switch (step) {
                case Assign a -> new Expected("assign", a.interactionId(), List.of(a.agentId()));
                case Offer o -> new Expected("offer", o.interactionId(), List.copyOf(new TreeSet<>(o.agentIds())));
            };
        }
    }

    /** A random queue: few agents, whole seconds (so ties happen), random presence, load, offers and skips. */
    record Scenario(
            Strategy strategy,
            boolean autoAccept,
            List<String> members,
            String lastAssignedTo,
            List<Waiting> waiting,
            Map<String, AgentView> agents) {

        static Scenario random(Random r) {
            Strategy strategy = Strategy.values()[r.nextInt(Strategy.values().length)];
            List<String> pool = List.of("a1", "a2", "a3", "a4", "a5", "a6");
            List<String> members = new ArrayList<>();
            pool.forEach(id -> {
                if (r.nextInt(4) > 0) {
                    members.add(id);
                }
            });
            Map<String, AgentView> agents = new HashMap<>();
            for (String id : pool) {
                if (r.nextInt(6) == 0) {
                    continue; // routing never heard of this one
                }
                int capacity = 1 + r.nextInt(3);
                int active = r.nextInt(capacity + 1);
                int reserved = r.nextInt(capacity - active + 1);
                Instant lastEnded = r.nextBoolean() ? null : NOW.minusSeconds(r.nextInt(5) * 10L);
                Instant availableSince = r.nextInt(5) == 0 ? null : NOW.minusSeconds(r.nextInt(5) * 10L);
                agents.put(
                        id, new AgentView(id, r.nextInt(4) > 0, active, capacity, reserved, lastEnded, availableSince));
            }
            List<Waiting> waiting = new ArrayList<>();
            int count = r.nextInt(7);
            for (int n = 0; n < count; n++) {
                Set<String> offered = new TreeSet<>();
                Set<String> skipped = new TreeSet<>();
                Set<String> resting = new TreeSet<>();
                if (r.nextInt(3) == 0 && !members.isEmpty()) {
                    offered.add(members.get(r.nextInt(members.size())));
                }
                for (int k = r.nextInt(3); k > 0; k--) {
                    String agent = pool.get(r.nextInt(pool.size()));
                    skipped.add(agent);
                    if (r.nextBoolean()) {
                        resting.add(agent);
                    }
                }
                waiting.add(
                        new Waiting("i" + n, offered, skipped, resting, offered.isEmpty() ? null : NOW.plusSeconds(5)));
            }
            String last = r.nextBoolean() ? null : pool.get(r.nextInt(pool.size()));
            return new Scenario(strategy, r.nextBoolean(), members, last, waiting, agents);
        }

        RoutingPlanner.Queue queue() {
            return new RoutingPlanner.Queue(strategy, autoAccept, TIMEOUT, members, lastAssignedTo, waiting, agents);
        }
    }

    /** The rules, written out plainly. */
    static final class Reference {

        static Optional<Expected> next(Scenario s) {
            for (Waiting w : s.waiting()) {
                List<AgentView> candidates = new ArrayList<>();
                for (String id : new TreeSet<>(s.members())) {
                    AgentView a = s.agents().get(id);
                    if (a == null || !a.available() || w.resting().contains(id)) {
                        continue;
                    }
                    boolean room = s.strategy() == Strategy.MANUAL
                            ? a.active() < a.capacity()
                            : a.active() + a.reserved() < a.capacity();
                    if (room) {
                        candidates.add(a);
                    }
                }
                if (s.strategy() == Strategy.MANUAL || s.strategy() == Strategy.RING_ALL) {
                    List<String> joining = candidates.stream()
                            .map(AgentView::id)
                            .filter(id -> !w.offeredTo().contains(id))
                            .toList();
                    if (!joining.isEmpty()) {
                        return Optional.of(new Expected("offer", w.interactionId(), joining));
                    }
                    continue;
                }
                if (!w.offeredTo().isEmpty() || candidates.isEmpty()) {
                    continue;
                }
                List<AgentView> notSkipped = candidates.stream()
                        .filter(a -> !w.skipped().contains(a.id()))
                        .toList();
                if (!notSkipped.isEmpty()) {
                    candidates = notSkipped;
                }
                String winner = choose(s, candidates);
                return Optional.of(
                        new Expected(s.autoAccept() ? "assign" : "offer", w.interactionId(), List.of(winner)));
            }
            return Optional.empty();
        }

        private static String choose(Scenario s, List<AgentView> candidates) {
            if (s.strategy() == Strategy.ROUND_ROBIN) {
                List<String> order = new ArrayList<>(new TreeSet<>(s.members()));
                String last = s.lastAssignedTo();
                int start = 0;
                if (last != null) {
                    int index = order.indexOf(last);
                    start = index >= 0
                            ? index + 1
                            : (int) order.stream()
                                    .filter(id -> id.compareTo(last) < 0)
                                    .count();
                }
                for (int step = 0; step < order.size(); step++) {
                    String id = order.get((start + step) % order.size());
                    if (candidates.stream().anyMatch(c -> c.id().equals(id))) {
                        return id;
                    }
                }
                throw new IllegalStateException();
            }
            AgentView best = null;
            for (AgentView c : candidates) {
                if (best == null || better(s.strategy(), c, best)) {
                    best = c;
                }
            }
            return best.id();
        }

        private static boolean better(Strategy strategy, AgentView a, AgentView b) {
            if (strategy == Strategy.LEAST_BUSY) {
                double la = (double) a.active() / a.capacity();
                double lb = (double) b.active() / b.capacity();
                if (la != lb) {
                    return la < lb;
                }
            }
            // Longest idle: idle (holding nothing) before busy, then idle since earliest, then ended earliest.
            Instant ia = idleSince(a);
            Instant ib = idleSince(b);
            if ((ia == null) != (ib == null)) {
                return ia != null;
            }
            if (ia != null && !ia.equals(ib)) {
                return ia.isBefore(ib);
            }
            if (!java.util.Objects.equals(a.lastEndedAt(), b.lastEndedAt())) {
                return a.lastEndedAt() == null
                        || b.lastEndedAt() != null && a.lastEndedAt().isBefore(b.lastEndedAt());
            }
            return a.id().compareTo(b.id()) < 0;
        }

        private static Instant idleSince(AgentView a) {
            if (a.active() > 0) {
                return null;
            }
            if (a.lastEndedAt() == null) {
                return a.availableSince();
            }
            if (a.availableSince() == null) {
                return a.lastEndedAt();
            }
            return a.lastEndedAt().isAfter(a.availableSince()) ? a.lastEndedAt() : a.availableSince();
        }
    }
}
