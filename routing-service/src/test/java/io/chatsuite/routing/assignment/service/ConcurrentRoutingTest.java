package io.chatsuite.routing.assignment.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.routing.Suite;
import io.chatsuite.routing.SuiteTest;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many agents and customers at once, through the real broker and database: agents shared by campaigns of
 * different strategies come and go and end chats while customers arrive, accept and pick concurrently. Whatever
 * the interleaving: no interaction is assigned twice, no agent ever holds more than its capacity (one, in tests),
 * and each campaign serves its customers first come, first served.
 */
@QuarkusTest
class ConcurrentRoutingTest extends SuiteTest {

    private static final int AGENTS = 6;
    private static final int PER_CAMPAIGN = 8;

    ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void sharedAgentsAcrossCampaignsNeverExceedCapacityAndEveryQueueIsServedInOrder() throws Exception {
        List<String> agents =
                IntStream.range(0, AGENTS).mapToObj(n -> Suite.id("agent" + n)).toList();
        List<String> campaigns = List.of(
                suite.campaign(Strategy.LONGEST_IDLE, agents),
                suite.campaign(Strategy.LEAST_BUSY, agents),
                suite.campaign(Strategy.ROUND_ROBIN, agents));
        Map<String, String> campaignOf = new HashMap<>();
        List<Callable<Void>> arrivals = new ArrayList<>();
        for (String campaign : campaigns) {
            for (int n = 0; n < PER_CAMPAIGN; n++) {
                arrivals.add(() -> {
                    String interaction = suite.request(campaign);
                    synchronized (campaignOf) {
                        campaignOf.put(interaction, campaign);
                    }
                    return null;
                });
            }
        }
        // Customers arrive while every agent becomes available, all at once.
        List<Callable<Void>> all = new ArrayList<>(arrivals);
        agents.forEach(a -> all.add(() -> {
            suite.presence(a, PresenceStatus.AVAILABLE);
            return null;
        }));
        Collections.shuffle(all);
        runAll(all);

        // Rounds: every agent ends its chat at once, and the queues move on.
        for (int round = 1; round <= 3; round++) {
            Map<String, String> holding = awaitAssignments(campaignOf.keySet(), AGENTS * round);
            List<Callable<Void>> ends = new ArrayList<>();
            holding.forEach((interaction, agent) -> ends.add(() -> {
                suite.end(campaignOf.get(interaction), interaction, Party.AGENT, agent);
                return null;
            }));
            // One agent goes away and comes back meanwhile: its offers and room change under the dispatchers.
            String flapping = agents.get(round);
            ends.add(() -> {
                suite.presence(flapping, PresenceStatus.AWAY);
                suite.presence(flapping, PresenceStatus.AVAILABLE);
                return null;
            });
            runAll(ends);
        }
        awaitAssignments(campaignOf.keySet(), Math.min(AGENTS * 4, campaignOf.size()));
        Suite.sleep(1500);

        Map<String, List<CloudEvent>> events = suite.allEvents();
        assertEachAssignedAtMostOnce(campaignOf.keySet(), events);
        assertNoAgentOverCapacity(campaignOf.keySet(), events);
        for (String campaign : campaigns) {
            assertFirstComeFirstServed(
                    campaignOf.entrySet().stream()
                            .filter(e -> e.getValue().equals(campaign))
                            .map(Map.Entry::getKey)
                            .toList(),
                    events);
        }
    }

    @Test
    void picksOverRestAndAcceptancesOverKafkaAtOnceAssignEachInteractionOnce() throws Exception {
        List<String> agents =
                IntStream.range(0, 4).mapToObj(n -> Suite.id("picker" + n)).toList();
        String campaign = suite.campaign(Strategy.MANUAL, agents);
        for (String agent : agents) {
            suite.presence(agent, PresenceStatus.AVAILABLE);
        }
        for (String agent : agents) {
            Suite.awaitStatus(campaign, "sales", agent, PresenceStatus.AVAILABLE);
        }
        List<String> interactions =
                IntStream.range(0, 3).mapToObj(n -> suite.request(campaign)).toList();
        interactions.forEach(i -> suite.first(i, EventType.INTERACTION_QUEUED));

        List<Callable<Void>> picks = new ArrayList<>();
        for (String agent : agents) {
            String token = TestTokens.agent(agent, "sales");
            for (String interaction : interactions) {
                picks.add(() -> {
                    given().auth()
                            .oauth2(token)
                            .post("/api/routing/interactions/" + interaction + "/claim")
                            .then()
                            .statusCode(oneOf(200, 409));
                    return null;
                });
                picks.add(() -> {
                    suite.accept(campaign, interaction, agent);
                    return null;
                });
            }
        }
        Collections.shuffle(picks);
        runAll(picks);

        Map<String, String> assigned = awaitAssignments(interactions, 3);
        Suite.sleep(1500);
        Map<String, List<CloudEvent>> events = suite.allEvents();
        assertEachAssignedAtMostOnce(interactions, events);
        assertEquals(3, assigned.values().stream().distinct().count(), "one chat per agent: " + assigned);
    }

    private void runAll(List<Callable<Void>> tasks) throws Exception {
        for (Future<Void> f : pool.invokeAll(tasks)) {
            f.get();
        }
    }

    /** Waits until {@code count} of the interactions were assigned; returns interaction → agent of those still held. */
    private Map<String, String> awaitAssignments(Collection<String> interactions, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (true) {
            Map<String, List<CloudEvent>> events = suite.allEvents();
            Map<String, String> assigned = new HashMap<>();
            Map<String, String> held = new HashMap<>();
            for (String i : interactions) {
                boolean ended = false;
                for (CloudEvent e : events.getOrDefault(i, List.of())) {
                    if (EventType.INTERACTION_ASSIGNED.type().equals(e.type())) {
                        assigned.put(
                                i, EventCodec.data(e, InteractionAssigned.class).agentId());
                    }
                    ended |= EventType.INTERACTION_ENDED.type().equals(e.type());
                }
                if (assigned.containsKey(i) && !ended) {
                    held.put(i, assigned.get(i));
                }
            }
            if (assigned.size() >= count) {
                return held;
            }
            assertTrue(System.nanoTime() < deadline, "only " + assigned.size() + " of " + count + " assigned");
            Suite.sleep(300);
        }
    }

    private static void assertEachAssignedAtMostOnce(
            Collection<String> interactions, Map<String, List<CloudEvent>> events) {
        for (String i : interactions) {
            long assignments = events.getOrDefault(i, List.of()).stream()
                    .filter(e -> EventType.INTERACTION_ASSIGNED.type().equals(e.type()))
                    .count();
            assertTrue(assignments <= 1, i + " was assigned " + assignments + " times");
        }
    }

    /** Each agent's chats, as [assigned, ended) intervals, never overlap (capacity one). */
    private static void assertNoAgentOverCapacity(
            Collection<String> interactions, Map<String, List<CloudEvent>> events) {
        record Held(String interaction, Instant from, Instant to) {}
        Map<String, List<Held>> byAgent = new HashMap<>();
        for (String i : interactions) {
            InteractionAssigned assigned = null;
            Instant ended = Instant.MAX;
            for (CloudEvent e : events.getOrDefault(i, List.of())) {
                if (EventType.INTERACTION_ASSIGNED.type().equals(e.type())) {
                    assigned = EventCodec.data(e, InteractionAssigned.class);
                }
                if (EventType.INTERACTION_ENDED.type().equals(e.type())) {
                    ended = EventCodec.data(e, InteractionEnded.class).endedAt();
                }
            }
            if (assigned != null) {
                byAgent.computeIfAbsent(assigned.agentId(), k -> new ArrayList<>())
                        .add(new Held(i, assigned.assignedAt(), ended));
            }
        }
        byAgent.forEach((agent, held) -> {
            held.sort(Comparator.comparing(Held::from));
            for (int n = 1; n < held.size(); n++) {
                assertTrue(
                        !held.get(n).from().isBefore(held.get(n - 1).to()), agent + " held two chats at once: " + held);
            }
        });
    }

    /**
     * Nobody still waiting (or served later) arrived before someone already served. Arrival order: the time of
     * queueing, then (for customers queued by the same transaction, at the same instant) the position each was
     * told on arrival.
     */
    private static void assertFirstComeFirstServed(List<String> interactions, Map<String, List<CloudEvent>> events) {
        record Arrival(String interaction, Instant queuedAt, int position, Instant assignedAt) {}
        List<Arrival> arrivals = new ArrayList<>();
        for (String i : interactions) {
            Instant queuedAt = null;
            int position = 0;
            Instant assignedAt = Instant.MAX;
            for (CloudEvent e : events.getOrDefault(i, List.of())) {
                if (queuedAt == null && EventType.INTERACTION_QUEUED.type().equals(e.type())) {
                    InteractionQueued queued = EventCodec.data(e, InteractionQueued.class);
                    queuedAt = queued.queuedAt();
                    position = queued.position();
                }
                if (EventType.INTERACTION_ASSIGNED.type().equals(e.type())) {
                    assignedAt = EventCodec.data(e, InteractionAssigned.class).assignedAt();
                }
            }
            arrivals.add(new Arrival(i, queuedAt, position, assignedAt));
        }
        arrivals.sort(Comparator.comparing(Arrival::queuedAt).thenComparing(Arrival::position));
        for (int n = 1; n < arrivals.size(); n++) {
            assertTrue(
                    !arrivals.get(n).assignedAt().isBefore(arrivals.get(n - 1).assignedAt()),
                    "served out of arrival order: " + arrivals);
        }
    }
}
