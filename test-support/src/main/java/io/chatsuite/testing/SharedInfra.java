package io.chatsuite.testing;

import io.chatsuite.local.infra.EmbeddedKafka;
import io.chatsuite.local.infra.EmbeddedPostgres;
import io.chatsuite.local.infra.SuiteTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One Kafka broker and one PostgreSQL server per JVM, started on first use and stopped when the JVM exits,
 * however many test classes or Quarkus restarts ask for them.
 */
public final class SharedInfra {

    private static EmbeddedKafka kafka;
    private static EmbeddedPostgres postgres;
    private static Path root;

    private SharedInfra() {}

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            // Quarkus may start test resources on a thread whose context loader holds a second copy of kafka-clients.
            kafka = KafkaClassLoader.run(() -> {
                EmbeddedKafka broker = EmbeddedKafka.start(root().resolve("kafka"), 0);
                SuiteTopics.ensure(broker.bootstrapServers(), 3);
                return broker;
            });
        }
        return kafka;
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start(root().resolve("postgres"), 0);
        }
        return postgres;
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("chat-suite-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfra::stopAll, "shared-infra-stop"));
        }
        return root;
    }

    private static synchronized void stopAll() {
        try {
            if (kafka != null) {
                kafka.close();
            }
        } catch (RuntimeException ignored) {
            // The JVM is exiting; a broker that fails to stop cleanly loses only temporary data.
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (RuntimeException ignored) {
            // As above.
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temporary directory; the OS cleans it eventually.
        }
    }
}
