package io.chatsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.interaction.RejectReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
 * What the rest of the suite does on Kafka, for tests: campaign-service's snapshots and routing-service's
 * interaction events; and reading what the gateway published.
 */
public final class TestKafka {

    private final String bootstrap;

    public TestKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** A campaign in the directory: published as campaign-service would, then awaited. */
    public CampaignUpserted campaign(CampaignDirectory directory, String defaultLanguage,
            Map<String, Map<String, String>> messages, List<String> allowedOrigins) {
        String id = UUID.randomUUID().toString();
        CampaignUpserted campaign = new CampaignUpserted(id, 1, "Campaign " + id, "sales", Strategy.LONGEST_IDLE, 20,
                defaultLanguage, null, messages, List.of(), allowedOrigins, Instant.now());
        send(Topics.CAMPAIGNS, id, EventCodec.wrap("/campaign-service", id, campaign));
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (directory.find(id).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Campaign " + id + " never reached the directory");
            }
            sleep(20);
        }
        return campaign;
    }

    /**
     * Publishes {@code snapshot} as campaign-service would and waits until the directory holds that version (a
     * new campaign or an update of one).
     */
    public CampaignUpserted publish(CampaignDirectory directory, CampaignUpserted snapshot) {
        String id = snapshot.campaignId();
        send(Topics.CAMPAIGNS, id, EventCodec.wrap("/campaign-service", id, snapshot));
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (directory.find(id).map(c -> c.version() < snapshot.version()).orElse(true)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Campaign " + id + " v" + snapshot.version() + " never reached the directory");
            }
            sleep(20);
        }
        return snapshot;
    }

    public void queued(String campaignId, String interactionId, int position) {
        interaction(interactionId, new InteractionQueued(interactionId, campaignId, position, Instant.now()));
    }

    public void assigned(String campaignId, String interactionId, String agentId, String customerName) {
        interaction(interactionId, new InteractionAssigned(interactionId, campaignId, agentId, customerName, "en",
                Instant.now(), Instant.now(), new AssignmentReason(Strategy.LONGEST_IDLE,
                        List.of(new AssignmentReason.Candidate(agentId, 1.0)), 1.0)));
    }

    public void rejected(String campaignId, String interactionId, RejectReason reason) {
        interaction(interactionId, new InteractionRejected(interactionId, campaignId, reason, Instant.now()));
    }

    public void abandoned(String campaignId, String interactionId) {
        interaction(interactionId, new InteractionAbandoned(interactionId, campaignId, Instant.now(), Instant.now()));
    }

    public void ended(String campaignId, String interactionId, String agentId, Party endedBy) {
        interaction(interactionId, new InteractionEnded(interactionId, campaignId, agentId, endedBy, Instant.now()));
    }

    private void interaction(String interactionId, Record data) {
        send(Topics.INTERACTIONS, interactionId, EventCodec.wrap("/routing-service", interactionId, data));
    }

    public void send(String topic, String key, CloudEvent event) {
        sendRaw(topic, key, EventCodec.encode(event));
    }

    /** Any record value, readable or not, as a faulty producer might write it. */
    public void sendRaw(String topic, String key, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = withKafkaLoader(() -> new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer()))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot produce to " + topic, e);
        }
    }

    /** Every record of {@code topic} now matching {@code filter} (the topic read to its end). */
    public List<ConsumerRecord<String, String>> all(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return read(topic, filter, Integer.MAX_VALUE, true);
    }

    /** Waits for {@code count} records of {@code topic} matching {@code filter}; returns them in order. */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> filter,
            int count) {
        return read(topic, filter, count, false);
    }

    public ConsumerRecord<String, String> awaitOne(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return await(topic, filter, 1).get(0);
    }

    // Not local-infra's TopicReader: it creates its consumer in a class loaded outside the Quarkus test class
    // loader while the context class loader is the test one, and Kafka fails loading its JmxReporter.
    private List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
            int count, boolean toEnd) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        try (var consumer = withKafkaLoader(() -> new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (toEnd ? !end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())
                    : matched.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Read " + matched.size() + " matching records of " + topic
                            + (toEnd ? " but not to its end" : ", expected " + count) + ": " + matched);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (filter.test(r)) {
                        matched.add(r);
                    }
                });
            }
        }
        return matched;
    }

    /** A record's event, after checking it against the contract's JSON Schemas. */
    public static CloudEvent valid(String topic, ConsumerRecord<String, String> record) {
        assertEquals(List.of(), EventSchemas.violations(topic, record.value()), record.value());
        return EventCodec.decode(record.value());
    }

    /** Records of {@code type} about {@code subject} (the CloudEvent subject, here an interaction or agent). */
    public static Predicate<ConsumerRecord<String, String>> of(EventType type, String subject) {
        return r -> {
            if (r.value() == null) {
                return false;
            }
            try {
                CloudEvent event = EventCodec.decode(r.value());
                return type.type().equals(event.type()) && subject.equals(event.subject());
            } catch (EventCodec.MalformedEventException e) {
                return false;
            }
        };
    }

    /** Kafka loads plugins (metrics reporters) through the context class loader: it must see these classes. */
    private static <T> T withKafkaLoader(Supplier<T> create) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaConsumer.class.getClassLoader());
        try {
            return create.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
