package io.chatsuite.local.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics from the beginning with a plain Kafka consumer, as any other system of a customer would. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Waits until {@code count} records matching {@code filter} were read, and returns them in order. */
    public static List<ConsumerRecord<String, String>> await(String bootstrap, List<String> topics,
            Predicate<ConsumerRecord<String, String>> filter, int count, Duration timeout) {
        return SharedInfra.withOwnClassLoader(() -> read(bootstrap, topics, filter, count, timeout));
    }

    private static List<ConsumerRecord<String, String>> read(String bootstrap, List<String> topics,
            Predicate<ConsumerRecord<String, String>> filter, int count, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matched.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (filter.test(r)) {
                        matched.add(r);
                    }
                });
            }
        }
        if (matched.size() < count) {
            throw new AssertionError("Read " + matched.size() + " of " + count + " expected records from " + topics
                    + " within " + timeout + ": " + matched);
        }
        return matched;
    }

    public static ConsumerRecord<String, String> awaitOne(String bootstrap, String topic,
            Predicate<ConsumerRecord<String, String>> filter) {
        return await(bootstrap, List.of(topic), filter, 1, Duration.ofSeconds(20)).get(0);
    }
}
