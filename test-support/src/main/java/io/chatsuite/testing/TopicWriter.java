package io.chatsuite.testing;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events the way the suite's services do: CloudEvents through a plain Kafka producer (acks=all), on the
 * topic of their type, each checked against the contract's JSON Schema before it is sent.
 */
public final class TopicWriter implements AutoCloseable {

    /** The source of the events tests publish in the name of another service. */
    public static final String TEST_SOURCE = "/test";

    private static final Map<String, TopicWriter> SHARED = new ConcurrentHashMap<>();

    private final String source;
    private final KafkaProducer<String, String> producer;

    public TopicWriter(String bootstrap, String source) {
        this.source = source;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer =
                KafkaClassLoader.run(() -> new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()));
    }

    /** One writer per broker for the whole test JVM (source {@value #TEST_SOURCE}), closed when the JVM exits. */
    public static TopicWriter shared(String bootstrap) {
        return SHARED.computeIfAbsent(bootstrap, b -> {
            TopicWriter writer = new TopicWriter(b, TEST_SOURCE);
            Runtime.getRuntime().addShutdownHook(new Thread(writer::close, "topic-writer-close"));
            return writer;
        });
    }

    /** Publishes {@code data} about entity {@code key}, keyed by it; returns the envelope (to redeliver it). */
    public CloudEvent publish(String key, Record data) {
        return publish(key, key, data);
    }

    /**
     * Publishes {@code data} about {@code subject} keyed by {@code key}, for topics partitioned by something else
     * than the event's subject (routing requests are keyed by campaign).
     */
    public CloudEvent publish(String key, String subject, Record data) {
        CloudEvent event = EventCodec.wrap(source, subject, data);
        publish(key, event);
        return event;
    }

    /** Publishes an envelope as it is, e.g. a second delivery of one already sent. */
    public void publish(String key, CloudEvent event) {
        String topic = EventType.of(event.type())
                .orElseThrow(() -> new IllegalArgumentException("Not a type of the contract: " + event.type()))
                .topic();
        String value = EventCodec.encode(event);
        List<String> violations = EventSchemas.violations(topic, value);
        if (!violations.isEmpty()) {
            throw new AssertionError("Fixture must follow the contract: " + violations + " in " + value);
        }
        send(topic, key, value);
    }

    /** Any record value, readable or not, as a faulty producer might write it; waits until the broker has it. */
    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot produce to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
