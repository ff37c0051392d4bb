package io.chatsuite.routing.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSelectorTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    static CandidateAgent agent(String id, int active, int capacity, String lastEnded, String availableSince) {
        return new CandidateAgent(
                id,
                active,
                capacity,
                lastEnded == null ? null : Instant.parse(lastEnded),
                Instant.parse(availableSince));
    }

    final CandidateAgent ana = agent("ana", 0, 3, "2026-11-25T09:50:00Z", "2026-11-25T08:00:00Z");
    final CandidateAgent bob = agent("bob", 0, 3, "2026-11-25T09:40:00Z", "2026-11-25T08:00:00Z");
    final CandidateAgent cai = agent("cai", 1, 3, "2026-11-25T09:00:00Z", "2026-11-25T08:00:00Z");
    final List<String> members = List.of("cai", "bob", "ana");

    Selection select(Strategy strategy, List<CandidateAgent> candidates, String last) {
        return AgentSelector.select(strategy, candidates, NOW, members, last).orElseThrow();
    }

    @Test
    void longestIdleChoosesWhoseLastChatEndedLongestAgoAmongIdleAgents() {
        Selection s = select(Strategy.LONGEST_IDLE, List.of(ana, bob, cai), null);
        assertEquals("bob", s.agentId(), "cai ended earliest but is busy now, so not idle");
        assertEquals(1200.0, s.reason().winnerScore());
        assertEquals(
                List.of("bob", "ana", "cai"),
                s.reason().candidates().stream()
                        .map(AssignmentReason.Candidate::agentId)
                        .toList());
        assertEquals(0.0, s.reason().candidates().get(2).score(), "a busy agent is not idle");
    }

    @Test
    void anAgentWhoNeverHadAChatIsIdleSinceItBecameAvailable() {
        CandidateAgent newcomer = agent("dan", 0, 3, null, "2026-11-25T07:00:00Z");
        assertEquals(
                "dan",
                select(Strategy.LONGEST_IDLE, List.of(ana, bob, newcomer), null).agentId());
        CandidateAgent justArrived = agent("eve", 0, 3, null, "2026-11-25T09:59:00Z");
        assertEquals(
                "bob",
                select(Strategy.LONGEST_IDLE, List.of(bob, justArrived), null).agentId());
    }

    @Test
    void leastBusyChoosesTheLowestLoadAndBreaksTiesByLongestIdle() {
        CandidateAgent half = agent("fay", 1, 2, "2026-11-25T09:00:00Z", "2026-11-25T08:00:00Z");
        CandidateAgent third = agent("gus", 1, 3, "2026-11-25T09:00:00Z", "2026-11-25T08:00:00Z");
        Selection s = select(Strategy.LEAST_BUSY, List.of(half, third, ana, bob), null);
        assertEquals("bob", s.agentId(), "ana and bob both hold nothing; bob is idle longer");
        assertEquals(0.0, s.reason().winnerScore());
        assertEquals(
                List.of("bob", "ana", "gus", "fay"),
                s.reason().candidates().stream()
                        .map(AssignmentReason.Candidate::agentId)
                        .toList());
    }

    @Test
    void roundRobinRotatesThroughMembersInAlphabeticalOrderSkippingTheUnavailable() {
        assertEquals(
                "ana",
                select(Strategy.ROUND_ROBIN, List.of(ana, bob, cai), null).agentId());
        assertEquals(
                "bob",
                select(Strategy.ROUND_ROBIN, List.of(ana, bob, cai), "ana").agentId());
        assertEquals(
                "cai",
                select(Strategy.ROUND_ROBIN, List.of(ana, bob, cai), "bob").agentId());
        assertEquals(
                "ana",
                select(Strategy.ROUND_ROBIN, List.of(ana, bob, cai), "cai").agentId(),
                "wraps around");
        assertEquals(
                "cai", select(Strategy.ROUND_ROBIN, List.of(ana, cai), "ana").agentId(), "bob is away");
    }

    @Test
    void roundRobinContinuesAfterAnAgentWhoLeftTheCampaign() {
        // "bea" sorted between ana and bob and is no longer a member: the next after her is bob.
        assertEquals(
                "bob",
                select(Strategy.ROUND_ROBIN, List.of(ana, bob, cai), "bea").agentId());
    }

    @Test
    void ringAllGivesTheInteractionToTheLongestIdleAndListsEveryoneItRang() {
        Selection s = select(Strategy.RING_ALL, List.of(ana, bob, cai), null);
        assertEquals("bob", s.agentId());
        assertEquals(Strategy.RING_ALL, s.reason().strategy());
        assertEquals(3, s.reason().candidates().size());
    }

    @Test
    void manualQueuesAndEmptyCandidateListsChooseNobody() {
        assertTrue(AgentSelector.select(Strategy.MANUAL, List.of(ana), NOW, members, null)
                .isEmpty());
        assertTrue(AgentSelector.select(Strategy.LONGEST_IDLE, List.of(), NOW, members, null)
                .isEmpty());
    }
}
