package io.chatsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.e2e.support.RoutingBus;
import io.chatsuite.e2e.support.RunningSuite;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.local.run.LocalSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Two routing-service instances share the consumer group {@code routing-service} (docs/adr/007): each owns some
 * partitions of routing-requests, hence some campaigns' queues, while presence, the sweep and the offer check on
 * both may settle any queue. Under requests for campaigns on every partition they never assign an interaction
 * twice nor an agent beyond its capacity. Then the second instance is killed (SIGKILL) with interactions queued
 * and offered on its partitions; the first takes its partitions over (read from the group with the Kafka
 * AdminClient) and continues every queue and offer from the database: each interaction is assigned exactly once,
 * first come first served per campaign. Real broker, database and services; a plain consumer reads the
 * interactions topic.
 */
class RoutingScaleOutTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "routing-service";
    private static final String SECOND = "routing-service-2";
    /** chat.routing.agent-capacity of the local run; these agents have no profile. */
    private static final int CAPACITY = 3;

    @Test
    void aSecondInstanceSharesTheQueuesAndTakesOverThePartitionsOfOneThatCrashed() throws Exception {
        LocalSuite suite = RunningSuite.get();
        try (RoutingBus bus = new RoutingBus(suite.kafkaBootstrapServers());
                Admin admin = Admin.create(Map.<String, Object>of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers()))) {
            run(suite, bus, admin);
        } finally {
            // The suite is shared by the other tests of this JVM: leave it with one instance, as it was.
            if (suite.isRunning(SECOND)) {
                suite.stopService(SECOND, Duration.ofSeconds(5));
            }
        }
    }

    private void run(LocalSuite suite, RoutingBus bus, Admin admin) throws Exception {
        int partitions = admin.describeTopics(List.of(Topics.ROUTING_REQUESTS))
                .allTopicNames()
                .get()
                .get(Topics.ROUTING_REQUESTS)
                .partitions()
                .size();
        suite.startInstance("routing-service", SECOND, secondInstanceConfig());
        Map<Integer, String> shared = awaitOwners(
                admin,
                partitions,
                owners -> owners.values().stream().anyMatch(RoutingScaleOutTest::second)
                        && !owners.values().stream().allMatch(RoutingScaleOutTest::second),
                "both instances to own partitions of " + Topics.ROUTING_REQUESTS);
        System.out.println("[scale-out] routing-requests partitions -> consumer with both instances: " + shared);

        // A queue campaign and a ring campaign on every partition: whichever the second instance owns hold both.
        List<String> queueAgents =
                IntStream.range(0, 9).mapToObj(n -> RoutingBus.id("q" + n)).toList();
        List<String> ringAgents =
                IntStream.range(0, 4).mapToObj(n -> RoutingBus.id("r" + n)).toList();
        List<String> queues = new ArrayList<>();
        List<String> rings = new ArrayList<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            queues.add(bus.campaign(campaignOn(p, partitions), Strategy.LONGEST_IDLE, queueAgents));
            rings.add(bus.campaign(campaignOn(p, partitions), Strategy.RING_ALL, ringAgents));
        }
        Stream.concat(queues.stream(), rings.stream()).forEach(c -> partitionOf.put(c, partition(c, partitions)));
        Map<String, List<String>> arrivals = new LinkedHashMap<>();
        Map<String, String> campaignOf = new HashMap<>();
        Stream.concat(queues.stream(), rings.stream()).forEach(c -> arrivals.put(c, new ArrayList<>()));

        // One ring per ring campaign takes all three places of both ring agents.
        ringAgents.subList(0, 2).forEach(a -> bus.presence(a, PresenceStatus.AVAILABLE));
        List<String> ringing =
                rings.stream().map(c -> arrive(bus, c, arrivals, campaignOf)).toList();
        await(
                bus,
                events -> ringing.stream()
                        .allMatch(i -> openOffer(events, i)
                                .filter(o -> o.agentIds().size() == 2)
                                .isPresent()),
                "a ring in every ring campaign");

        // Both instances at work: arrivals on every partition, and two queue agents becoming available halfway
        // (their presence settles all three queue campaigns, possibly on the other instance than the arrivals).
        // Seven customers a campaign, six places: every queue keeps someone waiting.
        for (int round = 0; round < 7; round++) {
            if (round == 3) {
                queueAgents.subList(0, 2).forEach(a -> bus.presence(a, PresenceStatus.AVAILABLE));
            }
            for (String c : queues) {
                arrive(bus, c, arrivals, campaignOf);
            }
            if (round == 1) {
                rings.forEach(c -> arrive(bus, c, arrivals, campaignOf));
            }
        }
        List<String> queued = of(arrivals, queues);
        List<String> rung = of(arrivals, rings);
        Map<String, List<CloudEvent>> concurrent = await(
                bus,
                events -> queued.stream().filter(i -> assigned(events, i)).count() == 2 * CAPACITY
                        && seen(events, queued)
                        && seen(events, rung),
                "both instances to fill the two queue agents");
        assertAssignedAtMostOnce(concurrent, arrivals);
        assertWithinCapacity(concurrent, queued, queueAgents.subList(0, 2), 2 * CAPACITY);
        assertServedInArrivalOrder(arrivals, queues, i -> assigned(concurrent, i), "assigned");
        assertEquals(
                ringing,
                rung.stream().filter(i -> openOffer(concurrent, i).isPresent()).toList(),
                "only the first ring of each campaign rings: both agents' places are taken");
        for (String i : ringing) {
            assertEquals(
                    ringAgents.subList(0, 2).stream().sorted().toList(),
                    openOffer(concurrent, i).orElseThrow().agentIds().stream()
                            .sorted()
                            .toList(),
                    i + " rings both");
        }
        Map<String, Integer> waitingAtCrash = new HashMap<>();
        for (String c : queues) {
            waitingAtCrash.put(c, (int) arrivals.get(c).stream()
                    .filter(i -> !assigned(concurrent, i))
                    .count());
            assertTrue(waitingAtCrash.get(c) > 0, "customers wait in " + c);
        }

        // The second instance crashes with queues and open rings on its partitions.
        Set<Integer> orphaned = new HashSet<>();
        owners(admin).forEach((p, client) -> {
            if (second(client)) {
                orphaned.add(p);
            }
        });
        assertFalse(orphaned.isEmpty(), "the second instance owns a partition");
        suite.killService(SECOND);
        long killedAt = System.nanoTime();
        // Until its partitions have a new owner: answers to the open rings (first answer wins) and newcomers.
        Map<String, String> firstAnswer = new HashMap<>();
        for (int n = 0; n < ringing.size(); n++) {
            String i = ringing.get(n);
            String first = ringAgents.get(n % 2);
            bus.accept(campaignOf.get(i), i, first);
            bus.accept(campaignOf.get(i), i, ringAgents.get((n + 1) % 2));
            firstAnswer.put(i, first);
        }
        Map<String, String> newcomers = new HashMap<>();
        for (String c : queues) {
            newcomers.put(c, arrive(bus, c, arrivals, campaignOf));
        }
        for (String c : rings) {
            arrive(bus, c, arrivals, campaignOf);
        }
        Map<Integer, String> takenOver = awaitOwners(
                admin,
                partitions,
                owners -> owners.values().stream().noneMatch(RoutingScaleOutTest::second),
                "the surviving instance to own every partition");
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.println("[scale-out] " + SECOND + " owned partitions " + orphaned + "; after the crash, "
                + "routing-requests partitions -> consumer: " + takenOver + " (" + takeover.toMillis()
                + " ms after the kill)");
        System.out.println("[scale-out] campaigns on the crashed instance's partitions: "
                + partitionOf.entrySet().stream()
                        .filter(e -> orphaned.contains(e.getValue()))
                        .map(Map.Entry::getKey)
                        .toList());

        Map<String, List<CloudEvent>> resumed = await(
                bus,
                events -> ringing.stream().allMatch(i -> assigned(events, i))
                        && seen(events, of(arrivals, queues))
                        && seen(events, of(arrivals, rings)),
                "the answers and newcomers sent after the crash");
        for (String i : ringing) {
            assertEquals(
                    firstAnswer.get(i),
                    RoutingBus.<InteractionAssigned>of(resumed, i, EventType.INTERACTION_ASSIGNED)
                            .getFirst()
                            .agentId(),
                    "the first answer to " + i + " wins");
        }
        for (String c : queues) {
            String newcomer = newcomers.get(c);
            assertEquals(
                    waitingAtCrash.get(c) + 1,
                    RoutingBus.<InteractionQueued>of(resumed, newcomer, EventType.INTERACTION_QUEUED)
                            .getFirst()
                            .position(),
                    "the newcomer of " + c + " (partition " + partitionOf.get(c) + ") joins the back of its queue");
        }
        assertAssignedAtMostOnce(resumed, arrivals);
        printAssignmentLog(suite);

        // One more queue agent takes three chats, each the oldest waiting one of its campaign.
        bus.presence(queueAgents.get(2), PresenceStatus.AVAILABLE);
        List<String> queuedNow = of(arrivals, queues);
        Map<String, List<CloudEvent>> third = await(
                bus,
                events -> queuedNow.stream().filter(i -> assigned(events, i)).count() == 3L * CAPACITY,
                "the third agent's chats");
        assertWithinCapacity(third, queuedNow, queueAgents.subList(0, 3), 3 * CAPACITY);
        assertServedInArrivalOrder(arrivals, queues, i -> assigned(third, i), "assigned");

        // More customers join the back of the restored queues; then every agent becomes available.
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, String> latecomers = new HashMap<>();
        for (String c : queues) {
            waiting.put(c, (int)
                    arrivals.get(c).stream().filter(i -> !assigned(third, i)).count());
            latecomers.put(c, arrive(bus, c, arrivals, campaignOf));
        }
        Map<String, List<CloudEvent>> late =
                await(bus, events -> seen(events, List.copyOf(latecomers.values())), "the latecomers queued");
        for (String c : queues) {
            assertEquals(
                    waiting.get(c) + 1,
                    RoutingBus.<InteractionQueued>of(late, latecomers.get(c), EventType.INTERACTION_QUEUED)
                            .getFirst()
                            .position(),
                    "the latecomer of " + c + " waits last");
        }
        queueAgents.subList(3, 9).forEach(a -> bus.presence(a, PresenceStatus.AVAILABLE));
        ringAgents.subList(2, 4).forEach(a -> bus.presence(a, PresenceStatus.AVAILABLE));
        Map<String, List<CloudEvent>> end = answerRingsUntilAllAssigned(bus, arrivals, rings, campaignOf);

        // Nothing lost, nothing assigned twice, every agent within capacity, each queue first come first served.
        List<String> all = of(arrivals, arrivals.keySet());
        for (String i : all) {
            assertEquals(
                    1, RoutingBus.of(end, i, EventType.INTERACTION_ASSIGNED).size(), i + " assigned once");
            assertEquals(List.of(), RoutingBus.of(end, i, EventType.INTERACTION_REJECTED), i + " not rejected");
        }
        assertWithinCapacity(end, of(arrivals, queues), queueAgents, 9 * CAPACITY);
        assertWithinCapacity(
                end, of(arrivals, rings), ringAgents, of(arrivals, rings).size());
        for (String c : queues) {
            List<String> order = arrivals.get(c);
            List<Long> firstQueuedAt = order.stream()
                    .map(i -> RoutingBus.<InteractionQueued>of(end, i, EventType.INTERACTION_QUEUED))
                    .filter(q -> !q.isEmpty())
                    .map(q -> q.getFirst().queuedAt().toEpochMilli())
                    .toList();
            assertEquals(firstQueuedAt.stream().sorted().toList(), firstQueuedAt, "queued in arrival order in " + c);
        }
    }

    /**
     * Answers every open ring (each offer once, by one of its agents in turn) until every ring interaction is
     * assigned; returns the events then.
     */
    private static Map<String, List<CloudEvent>> answerRingsUntilAllAssigned(
            RoutingBus bus, Map<String, List<String>> arrivals, List<String> rings, Map<String, String> campaignOf) {
        Set<String> answered = new HashSet<>();
        int turn = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Map<String, List<CloudEvent>> events = bus.interactions();
            List<String> all = of(arrivals, arrivals.keySet());
            if (all.stream().allMatch(i -> assigned(events, i))) {
                return events;
            }
            for (String i : of(arrivals, rings)) {
                Optional<InteractionOffered> offer = openOffer(events, i);
                String version = i + "#"
                        + RoutingBus.of(events, i, EventType.INTERACTION_OFFERED)
                                .size();
                if (!assigned(events, i) && offer.isPresent() && answered.add(version)) {
                    List<String> agents = offer.get().agentIds();
                    bus.accept(campaignOf.get(i), i, agents.get(turn++ % agents.size()));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for every interaction to be assigned; still waiting: "
                        + all.stream().filter(i -> !assigned(events, i)).toList());
            }
            sleep(500);
        }
    }

    /** The second instance's own configuration: a short Kafka session, and a name for its requests consumer. */
    private static Map<String, String> secondInstanceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        // A crashed member leaves the group only when its session times out (45 s by default; the broker allows
        // 6 s at least), and a rebalance completes only once every member rejoined or left: all of this
        // instance's channels in the group get the short session, or the takeover waits for the slowest.
        for (String channel : List.of("routing-requests", "agent-presence", "agent-profiles")) {
            config.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "6000");
        }
        // The client id tells this instance's partitions in the group's description.
        config.put("mp.messaging.incoming.routing-requests.client.id", SECOND);
        return config;
    }

    private static boolean second(String clientId) {
        return clientId.startsWith(SECOND);
    }

    /** The client id of the consumer owning each routing-requests partition, once the group is stable. */
    private static Map<Integer, String> owners(Admin admin) throws InterruptedException, ExecutionException {
        ConsumerGroupDescription group =
                admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
        Map<Integer, String> owners = new TreeMap<>();
        if (group.groupState() != GroupState.STABLE) {
            return owners;
        }
        for (MemberDescription m : group.members()) {
            for (TopicPartition tp : m.assignment().topicPartitions()) {
                if (tp.topic().equals(Topics.ROUTING_REQUESTS)) {
                    owners.put(tp.partition(), m.clientId());
                }
            }
        }
        return owners;
    }

    private static Map<Integer, String> awaitOwners(
            Admin admin, int partitions, Predicate<Map<Integer, String>> condition, String what)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Map<Integer, String> owners = owners(admin);
            if (owners.size() == partitions && condition.test(owners)) {
                return owners;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; partition owners: " + owners);
            }
            sleep(250);
        }
    }

    /** The surviving instance's last log lines naming a routing-requests partition (SmallRye's), for the report. */
    private static void printAssignmentLog(LocalSuite suite) {
        try {
            List<String> lines = Files.readAllLines(suite.log("routing-service"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("'" + Topics.ROUTING_REQUESTS + "-"))
                    .toList();
            lines.subList(Math.max(0, lines.size() - 3), lines.size())
                    .forEach(l -> System.out.println("[scale-out] routing-service log: " + l));
        } catch (IOException e) {
            System.out.println("[scale-out] cannot read the routing-service log: " + e);
        }
    }

    /** A campaign id whose routing-requests records land on {@code partition}. */
    private static String campaignOn(int partition, int partitions) {
        while (true) {
            String id = RoutingBus.id("campaign");
            if (partition(id, partitions) == partition) {
                return id;
            }
        }
    }

    /** The producer's default partitioner for a keyed record. */
    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String arrive(
            RoutingBus bus, String campaign, Map<String, List<String>> arrivals, Map<String, String> campaignOf) {
        String i = bus.request(campaign);
        arrivals.get(campaign).add(i);
        campaignOf.put(i, campaign);
        return i;
    }

    private static List<String> of(Map<String, List<String>> arrivals, Iterable<String> campaigns) {
        List<String> list = new ArrayList<>();
        campaigns.forEach(c -> list.addAll(arrivals.get(c)));
        return list;
    }

    private static boolean assigned(Map<String, List<CloudEvent>> events, String interaction) {
        return !RoutingBus.of(events, interaction, EventType.INTERACTION_ASSIGNED)
                .isEmpty();
    }

    /** Every interaction was heard of: queued, offered or assigned. */
    private static boolean seen(Map<String, List<CloudEvent>> events, List<String> interactions) {
        return interactions.stream()
                .allMatch(i -> !events.getOrDefault(i, List.of()).isEmpty());
    }

    /** The interaction's current offer: its latest event, when that is an offer to at least one agent. */
    private static Optional<InteractionOffered> openOffer(Map<String, List<CloudEvent>> events, String interaction) {
        List<CloudEvent> list = events.getOrDefault(interaction, List.of());
        if (list.isEmpty()
                || !EventType.INTERACTION_OFFERED.type().equals(list.getLast().type())) {
            return Optional.empty();
        }
        InteractionOffered offer = RoutingBus.<InteractionOffered>of(events, interaction, EventType.INTERACTION_OFFERED)
                .getLast();
        return offer.agentIds().isEmpty() ? Optional.empty() : Optional.of(offer);
    }

    private static void assertAssignedAtMostOnce(
            Map<String, List<CloudEvent>> events, Map<String, List<String>> arrivals) {
        for (String i : of(arrivals, arrivals.keySet())) {
            int n = RoutingBus.of(events, i, EventType.INTERACTION_ASSIGNED).size();
            assertTrue(n <= 1, i + " was assigned " + n + " times");
        }
    }

    /** Each of these interactions' agents is one of {@code agents} and holds at most its capacity; total as given. */
    private static void assertWithinCapacity(
            Map<String, List<CloudEvent>> events, List<String> interactions, List<String> agents, int total) {
        Map<String, Integer> held = new TreeMap<>();
        for (String i : interactions) {
            RoutingBus.<InteractionAssigned>of(events, i, EventType.INTERACTION_ASSIGNED)
                    .forEach(a -> held.merge(a.agentId(), 1, Integer::sum));
        }
        held.forEach((agent, count) -> {
            assertTrue(agents.contains(agent), agent + " is not one of the available agents " + agents);
            assertTrue(count <= CAPACITY, agent + " holds " + count + " chats");
        });
        assertEquals(total, held.values().stream().mapToInt(Integer::intValue).sum(), "chats held: " + held);
    }

    /** In each campaign, no interaction is {@code served} while an earlier arrival is not. */
    private static void assertServedInArrivalOrder(
            Map<String, List<String>> arrivals, List<String> campaigns, Predicate<String> served, String what) {
        for (String c : campaigns) {
            List<Boolean> flags = arrivals.get(c).stream().map(served::test).toList();
            int firstNot = flags.indexOf(false);
            assertTrue(
                    firstNot < 0 || !flags.subList(firstNot, flags.size()).contains(true),
                    what + " out of arrival order in " + c + ": " + flags);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<CloudEvent>> await(
            RoutingBus bus, Predicate<Map<String, List<CloudEvent>>> condition, String what) {
        return bus.await(condition, what, WAIT);
    }
}
