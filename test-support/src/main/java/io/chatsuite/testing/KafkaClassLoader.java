package io.chatsuite.testing;

import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Creates Kafka clients with kafka-clients' own class loader as the thread's context class loader. Kafka loads
 * plugins such as its JmxReporter through the context loader; under a Quarkus test that loader may hold a second
 * copy of kafka-clients, and the client then fails with a ClassCastException.
 */
final class KafkaClassLoader {

    private KafkaClassLoader() {}

    static <T> T run(Supplier<T> create) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaConsumer.class.getClassLoader());
        try {
            return create.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
