package io.chatsuite.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraTest {

    @TempDir
    Path dir;

    @Test
    void kafkaBrokerKeepsTopicsAndRecordsAcrossARestart() throws Exception {
        String bootstrap;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            bootstrap = kafka.bootstrapServers();
            SuiteTopics.ensure(bootstrap, 1);
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrap);
            p.put("acks", "all");
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("chat-messages", "k", "hello"))
                        .get();
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            try (Admin admin = Admin.create(p)) {
                assertTrue(admin.listTopics().names().get().containsAll(Set.of("campaigns", "interactions")));
            }
            p.put("group.id", "t");
            p.put("auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("chat-messages"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertEquals("hello", records.iterator().next().value());
            }
        }
    }

    @Test
    void postgresServesOneDatabasePerServiceAndKeepsData() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, 0)) {
            pg.ensureDatabase("campaigns");
            pg.ensureDatabase("campaigns");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("campaigns"), "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("create table t(x int)");
                s.execute("insert into t values (42)");
            }
        }
        assertTrue(Files.exists(data.resolve("PG_VERSION")));
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl("campaigns"), "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select x from t")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }
}
