package io.chatsuite.routing.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.routing.Suite;
import io.chatsuite.routing.SuiteTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offers with the default auto-accept: RING_ALL rings every available member and the first acceptance wins;
 * MANUAL offers the whole queue; declines, agents going away and expiry move offers on. Agents hold one chat each
 * in tests unless their profile says otherwise; offers expire after 3 s.
 */
@QuarkusTest
class OfferRoutingTest extends SuiteTest {

    @Test
    void ringAllOffersEveryAvailableMemberAndTheFirstAcceptanceWins() {
        List<String> agents = List.of(Suite.id("ana"), Suite.id("bea"), Suite.id("cid"));
        String campaign = available(Strategy.RING_ALL, agents);
        String interaction = suite.request(campaign);

        InteractionOffered offered = suite.first(interaction, EventType.INTERACTION_OFFERED);
        assertEquals(agents.stream().sorted().toList(), offered.agentIds());
        assertEquals(Strategy.RING_ALL, offered.strategy());
        assertEquals("Ana", offered.customerName());
        assertTrue(offered.expiresAt().isAfter(offered.offeredAt()));

        suite.accept(campaign, interaction, agents.get(1));
        suite.accept(campaign, interaction, agents.get(2));
        InteractionAssigned assigned = suite.first(interaction, EventType.INTERACTION_ASSIGNED);
        assertEquals(agents.get(1), assigned.agentId());
        AssignmentReason reason = assigned.reason();
        assertEquals(Strategy.RING_ALL, reason.strategy());
        assertEquals(3, reason.candidates().size());
        double winnerScore = reason.candidates().stream()
                .filter(c -> c.agentId().equals(agents.get(1)))
                .findFirst()
                .orElseThrow()
                .score();
        assertEquals(winnerScore, reason.winnerScore());
        suite.assertAssignedOnce(interaction);
    }

    @Test
    void aDeclinerIsSkippedAndAnAgentGoingAwayHasItsOffersWithdrawn() {
        String dan = Suite.id("dan");
        String eva = Suite.id("eva");
        String campaign = available(Strategy.RING_ALL, List.of(dan, eva));
        String interaction = suite.request(campaign);
        assertEquals(
                List.of(dan, eva).stream().sorted().toList(),
                suite.<InteractionOffered>first(interaction, EventType.INTERACTION_OFFERED)
                        .agentIds());

        suite.decline(campaign, interaction, dan);
        assertEquals(
                List.of(eva),
                suite.<InteractionOffered>nth(interaction, EventType.INTERACTION_OFFERED, 2)
                        .agentIds());

        // The last ringing agent goes away: the offer is withdrawn, the customer keeps their place.
        suite.presence(eva, PresenceStatus.AWAY);
        InteractionQueued requeued = suite.nth(interaction, EventType.INTERACTION_QUEUED, 2);
        assertEquals(1, requeued.position());

        // Back again: rung again (the decliner stays skipped for one offer timeout).
        suite.presence(eva, PresenceStatus.AVAILABLE);
        InteractionOffered again = suite.nth(interaction, EventType.INTERACTION_OFFERED, 3);
        assertEquals(List.of(eva), again.agentIds());
        suite.accept(campaign, interaction, eva);
        assertEquals(
                eva,
                suite.<InteractionAssigned>first(interaction, EventType.INTERACTION_ASSIGNED)
                        .agentId());
    }

    @Test
    void anUnansweredRingRingsAgainWithANewExpiry() {
        String fay = Suite.id("fay");
        String campaign = available(Strategy.RING_ALL, List.of(fay));
        String interaction = suite.request(campaign);
        InteractionOffered first = suite.first(interaction, EventType.INTERACTION_OFFERED);
        InteractionOffered second = suite.nth(interaction, EventType.INTERACTION_OFFERED, 2);
        assertEquals(List.of(fay), second.agentIds());
        assertTrue(second.expiresAt().isAfter(first.expiresAt()), first + " then " + second);
        assertTrue(!second.offeredAt().isBefore(first.expiresAt()), "rang again before the first ring expired");
    }

    @Test
    void manualCampaignsOfferTheWholeQueueAndTheFirstPickWins() {
        String gil = Suite.id("gil");
        String hal = Suite.id("hal");
        String campaign = available(Strategy.MANUAL, List.of(gil, hal));
        String older = suite.request(campaign);
        String newer = suite.request(campaign);
        InteractionOffered offeredOlder = suite.first(older, EventType.INTERACTION_OFFERED);
        InteractionOffered offeredNewer = suite.first(newer, EventType.INTERACTION_OFFERED);
        assertEquals(Strategy.MANUAL, offeredOlder.strategy());
        assertEquals(List.of(gil, hal).stream().sorted().toList(), offeredOlder.agentIds());
        assertEquals(offeredOlder.agentIds(), offeredNewer.agentIds());

        // Agents pick in any order; gil (one chat at most) takes the newer one, hal's pick of it comes too late.
        suite.accept(campaign, newer, gil);
        suite.accept(campaign, newer, hal);
        InteractionAssigned assigned = suite.first(newer, EventType.INTERACTION_ASSIGNED);
        assertEquals(gil, assigned.agentId());
        assertEquals(Strategy.MANUAL, assigned.reason().strategy());
        // gil is full now: the older one stays offered to hal only.
        assertEquals(
                List.of(hal),
                suite.<InteractionOffered>nth(older, EventType.INTERACTION_OFFERED, 2)
                        .agentIds());
        suite.assertAssignedOnce(newer);
    }

    @Test
    void profileCapacityAppliesAndQueuedCustomersAreToldAnEstimatedWait() {
        String ivo = Suite.id("ivo");
        suite.profile(ivo, 2, 1);
        String campaign = available(Strategy.LONGEST_IDLE, List.of(ivo));
        String first = suite.request(campaign);
        String second = suite.request(campaign);
        assertNull(suite.<InteractionQueued>first(first, EventType.INTERACTION_QUEUED)
                .estimatedWaitSeconds());
        assertEquals(
                ivo,
                suite.<InteractionAssigned>first(first, EventType.INTERACTION_ASSIGNED)
                        .agentId());
        // Capacity 2 from the profile, not the configured 1: the second chat goes to ivo as well.
        assertEquals(
                ivo,
                suite.<InteractionAssigned>first(second, EventType.INTERACTION_ASSIGNED)
                        .agentId());

        String third = suite.request(campaign);
        InteractionQueued queued = suite.first(third, EventType.INTERACTION_QUEUED);
        assertNotNull(queued.estimatedWaitSeconds(), "answers were recorded, so there is an estimate");
        suite.end(campaign, first, Party.AGENT, ivo);
        assertEquals(
                ivo,
                suite.<InteractionAssigned>first(third, EventType.INTERACTION_ASSIGNED)
                        .agentId());
    }

    private String available(Strategy strategy, List<String> agents) {
        String campaign = suite.campaign(strategy, agents);
        for (String agent : agents) {
            suite.presence(agent, PresenceStatus.AVAILABLE);
        }
        for (String agent : agents) {
            Suite.awaitStatus(campaign, "sales", agent, PresenceStatus.AVAILABLE);
        }
        return campaign;
    }
}
