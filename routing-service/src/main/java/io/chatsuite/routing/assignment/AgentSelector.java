package io.chatsuite.routing.assignment;

import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the agent for the next interaction of a queue by the campaign's strategy, and scores every candidate
 * so the assignment can say why. Pure: the caller supplies who is eligible; this never reads state.
 *
 * <ul>
 * <li>{@code LONGEST_IDLE}: score = seconds idle (0 while the agent holds an interaction); highest wins.</li>
 * <li>{@code LEAST_BUSY}: score = active ÷ capacity; lowest wins; ties go to the longest idle.</li>
 * <li>{@code ROUND_ROBIN}: score = steps after the last agent served in the members' alphabetical order; lowest
 *     wins.</li>
 * <li>{@code RING_ALL}: everyone is offered the interaction ({@link RoutingPlanner}); this only scores the agents
 *     rung by idle seconds, so the reason of the assignment shows who had waited longest.</li>
 * <li>{@code MANUAL}: never chosen automatically; agents pick from the queue.</li>
 * </ul>
 */
public final class AgentSelector {

    private AgentSelector() {}

    /**
     * @param members          the campaign's agent members (for the round-robin order)
     * @param lastAssignedTo   the agent the campaign's previous assignment went to (round robin), or null
     */
    public static Optional<Selection> select(
            Strategy strategy,
            List<CandidateAgent> candidates,
            Instant now,
            List<String> members,
            String lastAssignedTo) {
        if (candidates.isEmpty() || strategy == Strategy.MANUAL) {
            return Optional.empty();
        }
        return Optional.of(
                switch (strategy) {
                    case LONGEST_IDLE, RING_ALL -> longestIdle(strategy, candidates, now);
                    case LEAST_BUSY -> leastBusy(candidates, now);
                    case ROUND_ROBIN -> roundRobin(candidates, members, lastAssignedTo);
                    case MANUAL -> throw new IllegalStateException("manual queues are picked by agents");
                });
    }

    /** The reason recorded when an agent picks an interaction from a manual queue. */
    public static AssignmentReason manualPick(String agentId) {
        return new AssignmentReason(Strategy.MANUAL, List.of(new AssignmentReason.Candidate(agentId, 1)), 1);
    }

    private static Selection longestIdle(Strategy strategy, List<CandidateAgent> candidates, Instant now) {
        List<CandidateAgent> ordered =
                candidates.stream().sorted(longestIdleFirst()).toList();
        return selection(strategy, ordered, c -> idleSeconds(c, now));
    }

    private static Selection leastBusy(List<CandidateAgent> candidates, Instant now) {
        List<CandidateAgent> ordered = candidates.stream()
                .sorted(Comparator.comparingDouble(AgentSelector::load).thenComparing(longestIdleFirst()))
                .toList();
        return selection(Strategy.LEAST_BUSY, ordered, AgentSelector::load);
    }

    private static Selection roundRobin(List<CandidateAgent> candidates, List<String> members, String last) {
        List<String> order = members.stream().distinct().sorted().collect(Collectors.toCollection(ArrayList::new));
        candidates.stream()
                .map(CandidateAgent::agentId)
                .filter(id -> !order.contains(id))
                .sorted()
                .forEach(order::add);
        int lastIndex = last == null ? -1 : insertionIndexOf(order, last);
        Map<String, Integer> steps = candidates.stream().collect(Collectors.toMap(CandidateAgent::agentId, c -> {
            int index = order.indexOf(c.agentId());
            return Math.floorMod(index - lastIndex - 1, order.size()) + 1;
        }));
        List<CandidateAgent> ordered = candidates.stream()
                .sorted(Comparator.comparing((CandidateAgent c) -> steps.get(c.agentId())))
                .toList();
        return selection(Strategy.ROUND_ROBIN, ordered, c -> steps.get(c.agentId()));
    }

    // Where the last agent is, or would sort, in the order: a removed member still moves the rotation on.
    private static int insertionIndexOf(List<String> order, String last) {
        int index = order.indexOf(last);
        if (index >= 0) {
            return index;
        }
        int before = (int) order.stream().filter(id -> id.compareTo(last) < 0).count();
        return before - 1;
    }

    private static Selection selection(
            Strategy strategy, List<CandidateAgent> ordered, Function<CandidateAgent, Number> score) {
        List<AssignmentReason.Candidate> scored = ordered.stream()
                .map(c -> new AssignmentReason.Candidate(
                        c.agentId(), round(score.apply(c).doubleValue())))
                .toList();
        return new Selection(
                ordered.get(0).agentId(),
                new AssignmentReason(strategy, scored, scored.get(0).score()));
    }

    private static Comparator<CandidateAgent> longestIdleFirst() {
        // Idle agents before busy ones, the longest idle first; then whoever finished a chat longest ago.
        return Comparator.comparing(CandidateAgent::idleSince, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CandidateAgent::lastEndedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CandidateAgent::agentId);
    }

    private static double idleSeconds(CandidateAgent c, Instant now) {
        Instant since = c.idleSince();
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }

    private static double load(CandidateAgent c) {
        return c.capacity() <= 0 ? 1 : (double) c.active() / c.capacity();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
