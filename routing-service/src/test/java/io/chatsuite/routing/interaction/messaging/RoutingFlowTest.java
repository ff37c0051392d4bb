package io.chatsuite.routing.interaction.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.routing.Suite;
import io.chatsuite.routing.SuiteTest;
import io.chatsuite.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interaction lifecycle as the rest of the suite sees it on Kafka (agents hold one chat each in tests). */
@QuarkusTest
class RoutingFlowTest extends SuiteTest {

    @Test
    void requestIsQueuedAndGivenToTheMemberWhoBecomesAvailableWithTheReason() {
        String agent = Suite.id("alice");
        String campaign = suite.campaign(Strategy.LONGEST_IDLE, List.of(agent));
        String interaction = suite.request(campaign);

        InteractionQueued queued = suite.event(interaction, 1, EventType.INTERACTION_QUEUED);
        assertEquals(1, queued.position());
        assertEquals(campaign, queued.campaignId());

        suite.presence(agent, PresenceStatus.AVAILABLE);
        InteractionAssigned assigned = suite.event(interaction, 2, EventType.INTERACTION_ASSIGNED);
        assertEquals(agent, assigned.agentId());
        assertEquals("Ana", assigned.customerName());
        assertEquals("es", assigned.language());
        assertEquals(Strategy.LONGEST_IDLE, assigned.reason().strategy());
        assertEquals(agent, assigned.reason().candidates().get(0).agentId());
    }

    @Test
    void agentNeverHoldsMoreThanItsCapacityAndTheQueueIsServedInArrivalOrder() {
        String agent = Suite.id("bruno");
        String campaign = suite.campaign(Strategy.LONGEST_IDLE, List.of(agent));
        suite.presence(agent, PresenceStatus.AVAILABLE);
        String first = suite.request(campaign);
        assertEquals(
                agent,
                suite.<InteractionAssigned>event(first, 2, EventType.INTERACTION_ASSIGNED)
                        .agentId());
        String second = suite.request(campaign);
        String third = suite.request(campaign);

        assertEquals(
                1,
                suite.<InteractionQueued>event(second, 1, EventType.INTERACTION_QUEUED)
                        .position());
        assertEquals(
                2,
                suite.<InteractionQueued>event(third, 1, EventType.INTERACTION_QUEUED)
                        .position());

        suite.end(campaign, first, Party.AGENT, agent);
        InteractionEnded ended = suite.event(first, 3, EventType.INTERACTION_ENDED);
        assertEquals(Party.AGENT, ended.endedBy());
        assertEquals(agent, ended.agentId());
        // The freed agent takes the oldest waiting chat; the one behind moves up.
        assertEquals(
                agent,
                suite.<InteractionAssigned>event(second, 2, EventType.INTERACTION_ASSIGNED)
                        .agentId());
        assertEquals(
                1,
                suite.<InteractionQueued>event(third, 2, EventType.INTERACTION_QUEUED)
                        .position());
        suite.assertEventCount(third, 2);
    }

    @Test
    void customerWhoLeavesWhileQueuedAbandonsAndTheQueueMovesUp() {
        String campaign = suite.campaign(Strategy.LONGEST_IDLE, List.of(Suite.id("nobody")));
        String first = suite.request(campaign);
        String second = suite.request(campaign);
        assertEquals(
                2,
                suite.<InteractionQueued>event(second, 1, EventType.INTERACTION_QUEUED)
                        .position());

        suite.abandon(campaign, first);
        InteractionAbandoned abandoned = suite.event(first, 2, EventType.INTERACTION_ABANDONED);
        assertTrue(!abandoned.at().isBefore(abandoned.requestedAt()));
        assertEquals(
                1,
                suite.<InteractionQueued>event(second, 2, EventType.INTERACTION_QUEUED)
                        .position());
    }

    @Test
    void aCloseThatNamesTheWrongCampaignOrNoneStillClosesTheInteraction() {
        String campaign = suite.campaign(Strategy.LONGEST_IDLE, List.of(Suite.id("nobody")));
        String other = suite.campaign(Strategy.LONGEST_IDLE, List.of(Suite.id("nobody")));
        String first = suite.request(campaign);
        String second = suite.request(campaign);
        assertEquals(
                2,
                suite.<InteractionQueued>event(second, 1, EventType.INTERACTION_QUEUED)
                        .position());

        // The queue the close names is locked; the interaction's own queue is found and locked as well.
        suite.send(other, EventCodec.wrap("/test", first, new RoutingAbandonRequested(first, other, Instant.now())));
        suite.event(first, 2, EventType.INTERACTION_ABANDONED);
        assertEquals(
                1,
                suite.<InteractionQueued>event(second, 2, EventType.INTERACTION_QUEUED)
                        .position());
        // Without a campaign id the request breaks the contract: sent raw, as an older gateway might.
        suite.sendRaw(
                Topics.ROUTING_REQUESTS,
                campaign,
                EventCodec.encode(
                        EventCodec.wrap("/test", second, new RoutingAbandonRequested(second, null, Instant.now()))));
        suite.event(second, 3, EventType.INTERACTION_ABANDONED);
    }

    @Test
    void requestsAreRejectedForUnknownClosedAndFullCampaigns() {
        String unknown = suite.request(Suite.id("no-such-campaign"));
        assertEquals(
                RejectReason.UNKNOWN_CAMPAIGN,
                suite.<InteractionRejected>event(unknown, 1, EventType.INTERACTION_REJECTED)
                        .reason());

        // Open only in an hour that is not now, in UTC.
        LocalTime later = LocalTime.now(ZoneOffset.UTC)
                .plusHours(3)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        DayOfWeek today = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek();
        Schedule closedNow =
                new Schedule("UTC", List.of(new Schedule.WeeklyRange(today, later, later.plusHours(1))), List.of());
        String closed = suite.campaign("sales", Strategy.LONGEST_IDLE, List.of(), closedNow);
        String outOfHours = suite.request(closed);
        assertEquals(
                RejectReason.OUT_OF_HOURS,
                suite.<InteractionRejected>event(outOfHours, 1, EventType.INTERACTION_REJECTED)
                        .reason());

        // The campaign's snapshot allows three waiting interactions.
        String full = suite.campaign("sales", Strategy.LONGEST_IDLE, List.of(), null, 3);
        for (int i = 0; i < 3; i++) {
            suite.event(suite.request(full), 1, EventType.INTERACTION_QUEUED);
        }
        String fourth = suite.request(full);
        assertEquals(
                RejectReason.UNAVAILABLE,
                suite.<InteractionRejected>event(fourth, 1, EventType.INTERACTION_REJECTED)
                        .reason());
    }

    @Test
    void aRedeliveredOrRepeatedRequestChangesNothing() {
        String campaign = suite.campaign(Strategy.LONGEST_IDLE, List.of());
        String interaction = Suite.id("interaction");
        CloudEvent request = suite.requestEvent(interaction, campaign);
        suite.send(campaign, request);
        suite.send(campaign, request);
        // Same interaction, new event id: a gateway retry.
        suite.send(campaign, suite.requestEvent(interaction, campaign));
        // Requests of a campaign are applied in order: once this one is queued, the repeats were applied too.
        String marker = suite.request(campaign);
        assertEquals(
                2,
                suite.<InteractionQueued>event(marker, 1, EventType.INTERACTION_QUEUED)
                        .position());
        suite.assertEventCount(interaction, 1);
    }

    @Test
    void anUnreadableRecordIsParkedOnTheDeadLetterTopicAndTheQueueMovesOn() {
        String campaign = suite.campaign(Strategy.LONGEST_IDLE, List.of());
        String garbage = "{\"not\":\"a cloud event\",\"campaign\":\"" + campaign + "\"}";
        suite.sendRaw(Topics.ROUTING_REQUESTS, campaign, garbage);
        String next = suite.request(campaign);
        suite.event(next, 1, EventType.INTERACTION_QUEUED);
        TopicReader.await(
                bootstrap,
                List.of("routing-service-dead-letters"),
                r -> garbage.equals(r.value()),
                1,
                Duration.ofSeconds(20));
    }
}
