package io.chatsuite.testing;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning with a plain Kafka consumer, as any other system of a customer would: either
 * until enough matching records came, or to the topic's current end.
 */
public final class TopicReader {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private TopicReader() {}

    /** Waits until {@code count} records matching {@code filter} were read, and returns them in order. */
    public static List<ConsumerRecord<String, String>> await(
            String bootstrap,
            List<String> topics,
            Predicate<ConsumerRecord<String, String>> filter,
            int count,
            Duration timeout) {
        return KafkaClassLoader.run(() -> read(bootstrap, topics, filter, count, false, timeout));
    }

    public static List<ConsumerRecord<String, String>> await(
            String bootstrap, String topic, Predicate<ConsumerRecord<String, String>> filter, int count) {
        return await(bootstrap, List.of(topic), filter, count, WAIT);
    }

    public static ConsumerRecord<String, String> awaitOne(
            String bootstrap, String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return await(bootstrap, topic, filter, 1).get(0);
    }

    /** Every record of {@code topic} now matching {@code filter}: the topic read to its current end. */
    public static List<ConsumerRecord<String, String>> toEnd(
            String bootstrap, String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return KafkaClassLoader.run(() -> read(bootstrap, List.of(topic), filter, Integer.MAX_VALUE, true, WAIT));
    }

    /**
     * Every event now on {@code topic} by record key, each key's in order; every record must follow the contract.
     */
    public static Map<String, List<CloudEvent>> eventsByKey(String bootstrap, String topic) {
        Map<String, List<CloudEvent>> events = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : toEnd(bootstrap, topic, r -> true)) {
            events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(valid(topic, r));
        }
        return events;
    }

    /** A record's event, after checking it against the contract's JSON Schemas. */
    public static CloudEvent valid(String topic, ConsumerRecord<String, String> record) {
        List<String> violations = EventSchemas.violations(topic, record.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("Contract violation " + violations + " in " + record.value());
        }
        return EventCodec.decode(record.value());
    }

    /** Records of {@code type} about {@code subject} (the CloudEvent subject: an interaction, an agent...). */
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

    private static List<ConsumerRecord<String, String>> read(
            String bootstrap,
            List<String> topics,
            Predicate<ConsumerRecord<String, String>> filter,
            int count,
            boolean toEnd,
            Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            // Assigned rather than subscribed: no consumer group to join, so reading starts at once.
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                partitions.addAll(partitions(consumer, topic, deadline));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (toEnd
                    ? partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    : matched.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Read " + matched.size() + " matching records of " + topics
                            + (toEnd ? " but not to their end" : ", expected " + count) + " within " + timeout
                            + ": " + matched);
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

    /** The topic's partitions, waiting for a topic a service creates on first use (a dead-letter topic). */
    private static List<TopicPartition> partitions(
            KafkaConsumer<String, String> consumer, String topic, long deadline) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (!infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Topic " + topic + " does not exist");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
