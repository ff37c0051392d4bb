package io.chatsuite.e2e.support;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.events.routing.RoutingRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * routing-service's neighbours played on the running suite's broker: campaign snapshots, agent presence and
 * routing requests in, and a plain consumer of the interactions topic out (every record checked against the
 * contract).
 */
public final class RoutingBus implements AutoCloseable {

    private static final String SOURCE = "/e2e";

    private final String bootstrap;
    private final KafkaProducer<String, String> producer;

    public RoutingBus(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a campaign open around the clock, as campaign-service would; returns its id. */
    public String campaign(Strategy strategy, List<String> members) {
        return campaign(id("campaign"), strategy, members);
    }

    /** The same with a chosen id (e.g. one whose routing-requests partition is known). */
    public String campaign(String id, Strategy strategy, List<String> members) {
        send(Topics.CAMPAIGNS, id, new CampaignUpserted(id, 1, "Recovery " + id, "sales", strategy, 30, "en", null,
                Map.of(), members, List.of(), Instant.now(), null, 0, 50, false, false, false), id);
        return id;
    }

    public void presence(String agentId, PresenceStatus status) {
        send(Topics.AGENT_PRESENCE, agentId, new AgentPresenceChanged(agentId, agentId, status, Instant.now()), agentId);
    }

    public String request(String campaignId) {
        String interaction = id("interaction");
        send(Topics.ROUTING_REQUESTS, campaignId,
                new RoutingRequested(interaction, campaignId, "Customer " + interaction, "en", Instant.now()),
                interaction);
        return interaction;
    }

    public void accept(String campaignId, String interactionId, String agentId) {
        send(Topics.ROUTING_REQUESTS, campaignId,
                new RoutingAccepted(interactionId, campaignId, agentId, Instant.now()), interactionId);
    }

    public void decline(String campaignId, String interactionId, String agentId) {
        send(Topics.ROUTING_REQUESTS, campaignId,
                new RoutingDeclined(interactionId, campaignId, agentId, Instant.now()), interactionId);
    }

    public void abandon(String campaignId, String interactionId) {
        send(Topics.ROUTING_REQUESTS, campaignId,
                new RoutingAbandonRequested(interactionId, campaignId, Instant.now()), interactionId);
    }

    /** Every event now on the interactions topic, by interaction id, in order; each must match the contract. */
    /** The interactions topic by interaction, once {@code condition} holds; fails after {@code timeout}. */
    public Map<String, List<CloudEvent>> await(Predicate<Map<String, List<CloudEvent>>> condition, String what,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, List<CloudEvent>> events = interactions();
            if (condition.test(events)) {
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Map<String, List<CloudEvent>> interactions() {
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
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    List<String> violations = EventSchemas.violations(Topics.INTERACTIONS, r.value());
                    if (!violations.isEmpty()) {
                        throw new AssertionError("Contract violation " + violations + " in " + r.value());
                    }
                    events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(EventCodec.decode(r.value()));
                });
            }
        }
        return events;
    }

    /** The interaction's events of {@code type}, as data records. */
    public static <T extends Record> List<T> of(Map<String, List<CloudEvent>> events, String interactionId,
            EventType type) {
        @SuppressWarnings("unchecked")
        List<T> data = events.getOrDefault(interactionId, List.of()).stream()
                .filter(e -> type.type().equals(e.type())).map(e -> (T) EventCodec.data(e)).toList();
        return data;
    }

    private void send(String topic, String key, Record data, String subject) {
        CloudEvent event = EventCodec.wrap(SOURCE, subject, data);
        try {
            producer.send(new ProducerRecord<>(topic, key, EventCodec.encode(event))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
