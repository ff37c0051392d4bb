package io.chatsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.e2e.support.RoutingBus;
import io.chatsuite.e2e.support.RunningSuite;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventType;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.local.run.LocalSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * routing-service is killed (SIGKILL, as a crash) with interactions queued and offered, and requests and answers
 * keep arriving while it is down. After a restart every queue is restored from its database: the open offers
 * expire when they were due and ring again, the answers sent meanwhile are applied, arrivals join the back of
 * the queue, nothing is lost and nothing is assigned twice. Real broker, database and services; a plain consumer
 * reads the interactions topic.
 */
class RoutingRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void afterACrashEveryQueueAndOfferIsRestoredAndNothingIsAssignedTwice() {
        LocalSuite suite = RunningSuite.get();
        try (RoutingBus bus = new RoutingBus(suite.kafkaBootstrapServers())) {
            String ann = RoutingBus.id("ann");
            String ben = RoutingBus.id("ben");
            String cal = RoutingBus.id("cal");
            String ring = bus.campaign(Strategy.RING_ALL, List.of(ann, ben));
            String queue = bus.campaign(Strategy.LONGEST_IDLE, List.of(cal));
            bus.presence(ann, PresenceStatus.AVAILABLE);
            bus.presence(ben, PresenceStatus.AVAILABLE);

            // Agents hold three chats each (the default capacity): three rings to both, two waiting behind.
            List<String> rung = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                rung.add(bus.request(ring));
            }
            List<String> waiting = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                waiting.add(bus.request(queue));
            }
            Map<String, List<CloudEvent>> before = await(
                    bus,
                    events -> rung.subList(0, 3).stream()
                                    .allMatch(i -> !RoutingBus.of(events, i, EventType.INTERACTION_OFFERED)
                                            .isEmpty())
                            && waiting.stream()
                                    .allMatch(i -> !RoutingBus.of(events, i, EventType.INTERACTION_QUEUED)
                                            .isEmpty()),
                    "three rings and the queue");
            Map<String, Instant> expiryBeforeCrash = new HashMap<>();
            for (String i : rung.subList(0, 3)) {
                InteractionOffered offered = RoutingBus.<InteractionOffered>of(before, i, EventType.INTERACTION_OFFERED)
                        .getLast();
                assertEquals(List.of(ann, ben).stream().sorted().toList(), offered.agentIds());
                expiryBeforeCrash.put(i, offered.expiresAt());
            }
            assertEquals(
                    List.of(),
                    RoutingBus.of(before, rung.get(3), EventType.INTERACTION_OFFERED),
                    "both agents' places are held by the three rings");
            bus.accept(ring, rung.get(0), ann);
            await(
                    bus,
                    events -> !RoutingBus.of(events, rung.get(0), EventType.INTERACTION_ASSIGNED)
                            .isEmpty(),
                    "the first acceptance");

            suite.killService("routing-service");
            // While routing is down: an answer, a decline, a newcomer, a customer leaving.
            bus.accept(ring, rung.get(1), ben);
            bus.decline(ring, rung.get(2), ann);
            String late = bus.request(queue);
            bus.abandon(ring, rung.get(4));
            suite.startService("routing-service");

            Map<String, List<CloudEvent>> after = await(
                    bus,
                    events -> !RoutingBus.of(events, rung.get(1), EventType.INTERACTION_ASSIGNED)
                                    .isEmpty()
                            && !RoutingBus.of(events, rung.get(4), EventType.INTERACTION_ABANDONED)
                                    .isEmpty()
                            && !RoutingBus.of(events, late, EventType.INTERACTION_QUEUED)
                                    .isEmpty(),
                    "the answers and requests sent while routing was down");
            assertEquals(
                    ben,
                    RoutingBus.<InteractionAssigned>of(after, rung.get(1), EventType.INTERACTION_ASSIGNED)
                            .getFirst()
                            .agentId());
            assertEquals(
                    4,
                    RoutingBus.<InteractionQueued>of(after, late, EventType.INTERACTION_QUEUED)
                            .getFirst()
                            .position(),
                    "the newcomer joins the back of the restored queue");

            // The offers made before the crash expire when they were due and ring again.
            String stillRinging = rung.get(2);
            Map<String, List<CloudEvent>> rerung = await(
                    bus,
                    events ->
                            RoutingBus.<InteractionOffered>of(events, stillRinging, EventType.INTERACTION_OFFERED)
                                    .stream()
                                    .anyMatch(o -> o.expiresAt().isAfter(expiryBeforeCrash.get(stillRinging))),
                    "the ring of " + stillRinging + " re-armed after the restart");
            InteractionOffered again = RoutingBus.<InteractionOffered>of(
                            rerung, stillRinging, EventType.INTERACTION_OFFERED)
                    .getLast();
            assertTrue(
                    !again.offeredAt().isBefore(expiryBeforeCrash.get(stillRinging)),
                    "rang again only once the first ring had expired: " + again);

            // The queue restored from the database is served first come, first served.
            bus.presence(cal, PresenceStatus.AVAILABLE);
            Map<String, List<CloudEvent>> served = await(
                    bus,
                    events -> waiting.stream()
                            .allMatch(i -> !RoutingBus.of(events, i, EventType.INTERACTION_ASSIGNED)
                                    .isEmpty()),
                    "the queue served");
            List<Instant> assignedAt = waiting.stream()
                    .map(i -> RoutingBus.<InteractionAssigned>of(served, i, EventType.INTERACTION_ASSIGNED)
                            .getFirst()
                            .assignedAt())
                    .toList();
            assertEquals(assignedAt.stream().sorted().toList(), assignedAt, "served in arrival order");

            // Whoever answers the rest: each interaction is assigned at most once, each agent within capacity.
            for (String i : List.of(rung.get(2), rung.get(3))) {
                bus.accept(ring, i, ben);
                bus.accept(ring, i, ann);
            }
            Map<String, List<CloudEvent>> end = await(
                    bus,
                    events -> List.of(rung.get(2), rung.get(3)).stream()
                            .allMatch(i -> !RoutingBus.of(events, i, EventType.INTERACTION_ASSIGNED)
                                    .isEmpty()),
                    "the remaining rings accepted");
            List<String> all = new ArrayList<>(rung);
            all.addAll(waiting);
            all.add(late);
            Map<String, Integer> held = new HashMap<>();
            for (String i : all) {
                List<InteractionAssigned> assigned = RoutingBus.of(end, i, EventType.INTERACTION_ASSIGNED);
                assertTrue(assigned.size() <= 1, i + " was assigned " + assigned.size() + " times");
                assigned.forEach(a -> held.merge(a.agentId(), 1, Integer::sum));
            }
            held.forEach((agent, count) -> assertTrue(count <= 3, agent + " holds " + count + " chats"));
            assertEquals(
                    List.of(),
                    RoutingBus.of(end, rung.get(4), EventType.INTERACTION_ASSIGNED),
                    "the customer who left is not assigned");
        }
    }

    private static Map<String, List<CloudEvent>> await(
            RoutingBus bus, Predicate<Map<String, List<CloudEvent>>> condition, String what) {
        return bus.await(condition, what, WAIT);
    }
}
