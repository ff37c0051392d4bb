package io.chatsuite.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.local.testing.TestTokens;
import io.chatsuite.local.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The rest of the suite as routing-service sees it over Kafka: campaign-service publishing campaigns, the gateway
 * publishing presence and routing requests, and any consumer reading the interactions topic.
 */
public final class Suite implements AutoCloseable {

    public static final String SOURCE = "/test";

    private final String bootstrap;
    private final CampaignDirectory directory;
    private final KafkaProducer<String, String> producer;

    public Suite(String bootstrap, CampaignDirectory directory) {
        this.bootstrap = bootstrap;
        this.directory = directory;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a campaign (always open unless a schedule is given) and waits until routing knows it. */
    public String campaign(String group, Strategy strategy, List<String> members, Schedule schedule) {
        return campaign(group, strategy, members, schedule, CampaignUpserted.DEFAULT_MAX_WAITING);
    }

    /** A campaign whose queue holds at most {@code maxWaiting}. */
    public String campaign(String group, Strategy strategy, List<String> members, Schedule schedule,
            int maxWaiting) {
        String id = id("campaign");
        CampaignUpserted c = new CampaignUpserted(id, 1, "Campaign " + id, group, strategy, 20, "es", schedule,
                Map.of(), members, List.of("http://localhost:8080"), Instant.now(), null, 0, maxWaiting, false,
                false, false);
        send(Topics.CAMPAIGNS, id, EventCodec.wrap(SOURCE, id, c));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (directory.find(id).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "campaign " + id + " never reached routing's view");
            sleep(50);
        }
        return id;
    }

    public String campaign(Strategy strategy, List<String> members) {
        return campaign("sales", strategy, members, null);
    }

    public void presence(String agentId, PresenceStatus status) {
        send(Topics.AGENT_PRESENCE, agentId, EventCodec.wrap(SOURCE, agentId,
                new AgentPresenceChanged(agentId, "Agent " + agentId, status, Instant.now())));
    }

    /** An agent accepts an offer (or picks from a manual queue). */
    public void accept(String campaignId, String interactionId, String agentId) {
        send(Topics.ROUTING_REQUESTS, campaignId, EventCodec.wrap(SOURCE, interactionId,
                new RoutingAccepted(interactionId, campaignId, agentId, Instant.now())));
    }

    public void decline(String campaignId, String interactionId, String agentId) {
        send(Topics.ROUTING_REQUESTS, campaignId, EventCodec.wrap(SOURCE, interactionId,
                new RoutingDeclined(interactionId, campaignId, agentId, Instant.now())));
    }

    /** campaign-service publishes an agent's profile. */
    public void profile(String agentId, int capacity, long version) {
        send(Topics.AGENT_PROFILES, agentId, EventCodec.wrap(SOURCE, agentId,
                new AgentProfileUpserted(agentId, "Agent " + agentId, capacity, List.of(), version, Instant.now())));
    }

    /** Waits for the first event of {@code type} of the interaction, returns its data. */
    public <T extends Record> T first(String interactionId, EventType type) {
        List<ConsumerRecord<String, String>> records = TopicReader.await(bootstrap, List.of(Topics.INTERACTIONS),
                r -> interactionId.equals(r.key()) && r.value().contains("\"" + type.type() + "\""), 1,
                Duration.ofSeconds(20));
        assertEquals(List.of(), EventSchemas.violations(Topics.INTERACTIONS, records.get(0).value()));
        @SuppressWarnings("unchecked")
        T data = (T) EventCodec.data(EventCodec.decode(records.get(0).value()));
        return data;
    }

    /** Waits for the {@code n}-th event of {@code type} of the interaction, returns its data. */
    public <T extends Record> T nth(String interactionId, EventType type, int n) {
        List<ConsumerRecord<String, String>> records = TopicReader.await(bootstrap, List.of(Topics.INTERACTIONS),
                r -> interactionId.equals(r.key()) && r.value().contains("\"" + type.type() + "\""), n,
                Duration.ofSeconds(20));
        @SuppressWarnings("unchecked")
        T data = (T) EventCodec.data(EventCodec.decode(records.get(n - 1).value()));
        return data;
    }

    /** Every event of the interaction now on the topic, of {@code type}, as data records. */
    public <T extends Record> List<T> all(String interactionId, EventType type) {
        @SuppressWarnings("unchecked")
        List<T> data = allEvents(interactionId).stream().filter(e -> type.type().equals(e.type()))
                .map(e -> (T) EventCodec.data(e)).toList();
        return data;
    }

    /** A customer asks for an agent; returns the interaction id. */
    public String request(String campaignId) {
        String interactionId = id("interaction");
        send(Topics.ROUTING_REQUESTS, campaignId, requestEvent(interactionId, campaignId));
        return interactionId;
    }

    public CloudEvent requestEvent(String interactionId, String campaignId) {
        return EventCodec.wrap(SOURCE, interactionId,
                new RoutingRequested(interactionId, campaignId, "Ana", "es", Instant.now()));
    }

    public void abandon(String campaignId, String interactionId) {
        send(Topics.ROUTING_REQUESTS, campaignId, EventCodec.wrap(SOURCE, interactionId,
                new RoutingAbandonRequested(interactionId, campaignId, Instant.now())));
    }

    public void end(String campaignId, String interactionId, Party by, String agentId) {
        send(Topics.ROUTING_REQUESTS, campaignId, EventCodec.wrap(SOURCE, interactionId,
                new RoutingEndRequested(interactionId, campaignId, by, agentId, Instant.now())));
    }

    public void send(String topic, String key, CloudEvent event) {
        sendRaw(topic, key, EventCodec.encode(event));
    }

    public void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the first {@code count} events of an interaction and returns them in order; every one must
     * conform to the contract.
     */
    public List<CloudEvent> events(String interactionId, int count) {
        List<ConsumerRecord<String, String>> records = TopicReader.await(bootstrap, List.of(Topics.INTERACTIONS),
                r -> interactionId.equals(r.key()), count, Duration.ofSeconds(20));
        for (ConsumerRecord<String, String> r : records) {
            assertEquals(List.of(), EventSchemas.violations(Topics.INTERACTIONS, r.value()), r.value());
        }
        return records.stream().map(r -> EventCodec.decode(r.value())).toList();
    }

    /** The {@code count}-th event of the interaction, which must be of {@code type}, as its data record. */
    public <T extends Record> T event(String interactionId, int count, EventType type) {
        CloudEvent e = events(interactionId, count).get(count - 1);
        assertEquals(type.type(), e.type(), "event " + count + " of " + interactionId);
        @SuppressWarnings("unchecked")
        T data = (T) EventCodec.data(e);
        return data;
    }

    /** Every event of the interaction now on the topic, read to its current end. */
    public List<CloudEvent> allEvents(String interactionId) {
        return allEvents().getOrDefault(interactionId, List.of());
    }

    /** Every event now on the interactions topic, by interaction id, each interaction's in order. */
    public Map<String, List<CloudEvent>> allEvents() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<CloudEvent>> events = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTERACTIONS).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events
                        .computeIfAbsent(r.key(), k -> new ArrayList<>()).add(EventCodec.decode(r.value())));
            }
        }
        return events;
    }

    /** Waits a little for anything in flight, then checks the interaction has exactly {@code count} events. */
    public void assertEventCount(String interactionId, int count) {
        sleep(1500);
        List<CloudEvent> all = allEvents(interactionId);
        assertEquals(count, all.size(), all.toString());
    }

    /** Waits a little for anything in flight, then checks the interaction was assigned exactly once. */
    public void assertAssignedOnce(String interactionId) {
        sleep(1500);
        List<CloudEvent> assigned = allEvents(interactionId).stream()
                .filter(e -> EventType.INTERACTION_ASSIGNED.type().equals(e.type())).toList();
        assertEquals(1, assigned.size(), assigned.toString());
    }

    /** Waits until routing has applied an agent's presence (read from the campaign's dashboard). */
    public static void awaitStatus(String campaignId, String group, String agentId, PresenceStatus status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<String> statuses = given().auth().oauth2(TestTokens.supervisor(group))
                    .get("/api/routing/dashboard/" + campaignId).then().statusCode(200)
                    .extract().jsonPath().getList("agents.findAll { it.id == '" + agentId + "' }.status");
            if (statuses.contains(status.name())) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, agentId + " never became " + status + ": " + statuses);
            sleep(50);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
