package io.chatsuite.recordings.interaction.messaging;

import static io.chatsuite.recordings.ChatEvents.at;
import static io.chatsuite.recordings.ChatEvents.customerSays;
import static io.chatsuite.recordings.ChatEvents.newId;
import static io.chatsuite.recordings.ChatEvents.queued;
import static io.chatsuite.recordings.interaction.messaging.ChatRecordingTest.awaitDetail;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.Topics;
import io.chatsuite.local.infra.EmbeddedPostgres;
import io.chatsuite.recordings.ChatEvents;
import io.chatsuite.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one consumer policy, on the real broker and database: poison records are parked, outages only delay. */
@QuarkusTest
class ConsumerFailurePolicyTest {

    static final String DEAD_LETTERS = "offline-message-service-dead-letters";
    static String campaign;

    @BeforeEach
    void salesCampaignExists() {
        if (campaign == null) {
            campaign = newId();
            ChatEvents.campaign(campaign, "Failure policy chat", "sales");
        }
    }

    @Test
    void aRecordThatCanNeverBeAppliedGoesToTheDeadLetterTopicAndTheNextRecordIsApplied() {
        String id = newId();
        ChatEvents.writer().send(Topics.INTERACTIONS, id, "this is not a cloud event");
        // A well-formed envelope whose data breaks the schema of its type (no campaign, position as text).
        ChatEvents.writer().send(Topics.INTERACTIONS, id, """
                {"specversion":"1.0","id":"%s","source":"/routing-service","type":"chat.interaction.queued.v1",
                 "subject":"%s","datacontenttype":"application/json",
                 "data":{"interactionId":"%s","position":"first"}}""".formatted(newId(), id, id));
        queued(id, campaign, at(10));
        customerSays(id, campaign, "c1", "Still here", at(5));

        awaitDetail(id, r -> r.body("transcript", hasSize(1)).body("requestedAt", equalTo(at(10).toString())));
        List<ConsumerRecord<String, String>> parked = TopicReader.await(
                bootstrap(), List.of(DEAD_LETTERS), r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
        assertEquals("this is not a cloud event", parked.get(0).value());
        assertTrue(
                header(parked.get(0), "dead-letter-reason").contains("Unreadable event"),
                () -> header(parked.get(0), "dead-letter-reason"));
        assertEquals(Topics.INTERACTIONS, header(parked.get(0), "dead-letter-topic"));
        assertTrue(
                header(parked.get(1), "dead-letter-reason").contains("does not follow its schema"),
                () -> header(parked.get(1), "dead-letter-reason"));
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("chat_events_dead_lettered_total{")
                                && l.contains("reason=\"unreadable\"")
                                && l.contains("channel=\"interactions\"")),
                metrics);
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("chat_events_dead_lettered_total{")
                                && l.contains("reason=\"schema-invalid\"")),
                metrics);
    }

    @Test
    void aDatabaseOutageOf30SecondsDelaysRecordingButLosesNothingAndReadinessReportsIt() throws Exception {
        String id = newId();
        long outageStart = System.nanoTime();
        allowConnections(false);
        try {
            queued(id, campaign, at(30));
            customerSays(id, campaign, "c1", "Anyone there?", at(29));
            customerSays(id, campaign, "c2", "Hello?", at(28));
            await().atMost(Duration.ofSeconds(25))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> "DOWN".equals(consumersReadiness()));
            long remaining = Duration.ofSeconds(30).toNanos() - (System.nanoTime() - outageStart);
            Thread.sleep(Math.max(0, remaining / 1_000_000));
            assertEquals("DOWN", consumersReadiness(), "still stalled at the end of the outage");
        } finally {
            allowConnections(true);
        }
        awaitDetail(
                id,
                r -> r.body("transcript.text", equalTo(List.of("Anyone there?", "Hello?")))
                        .body("requestedAt", equalTo(at(30).toString())));
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(consumersReadiness()));
        given().get("/q/health/ready").then().body("checks.name", hasItem("event-consumers"));
    }

    /** The status of the event-consumers readiness check. */
    private static String consumersReadiness() {
        JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
        List<Map<String, Object>> checks = health.getList("checks");
        return checks.stream()
                .filter(c -> "event-consumers".equals(c.get("name")))
                .map(c -> String.valueOf(c.get("status")))
                .findFirst()
                .orElse("MISSING");
    }

    /** Opens or closes the service's database to new connections and ends the open ones: a real outage. */
    private static void allowConnections(boolean allowed) throws SQLException {
        String url = ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class)
                .replaceFirst("/recordings(\\?.*)?$", "/postgres");
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("alter database recordings with allow_connections " + allowed);
            if (!allowed) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'recordings'");
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
