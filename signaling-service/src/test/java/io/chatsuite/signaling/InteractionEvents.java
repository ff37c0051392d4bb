package io.chatsuite.signaling;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces interaction events the way routing does (CloudEvents keyed by interaction id, checked against the
 * contract) and waits until signaling has applied them.
 */
public final class InteractionEvents {

    public static final String CAMPAIGN = "campaign-1";
    private static KafkaProducer<String, String> producer;

    private InteractionEvents() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A new interaction assigned to {@code agentId}, once signaling knows it. */
    public static String assignedTo(PgPool pool, String agentId) {
        String id = newId();
        assign(id, agentId);
        awaitState(pool, id, "ASSIGNED", agentId);
        return id;
    }

    public static CloudEvent queue(String id) {
        return publish(id, new InteractionQueued(id, CAMPAIGN, 1, Instant.now()));
    }

    public static CloudEvent assign(String id, String agentId) {
        return publish(id, new InteractionAssigned(id, CAMPAIGN, agentId, "Carla", "en", Instant.now(),
                Instant.now(), new AssignmentReason(Strategy.RING_ALL,
                        List.of(new AssignmentReason.Candidate(agentId, 1.0)), 1.0)));
    }

    public static CloudEvent end(String id, String agentId) {
        return publish(id, new InteractionEnded(id, CAMPAIGN, agentId, Party.AGENT, Instant.now()));
    }

    public static CloudEvent publish(String key, Record data) {
        CloudEvent event = EventCodec.wrap("/test", key, data);
        publish(key, event);
        return event;
    }

    public static void publish(String key, CloudEvent event) {
        String value = EventCodec.encode(event);
        assertEquals(List.of(), EventSchemas.violations(Topics.INTERACTIONS, value), "fixture must follow the contract");
        publishRaw(Topics.INTERACTIONS, key, value);
    }

    public static void publishRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot produce", e.getCause());
        }
    }

    public static void awaitState(PgPool pool, String id, String state, String agentId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Row row = row(pool, id);
            return row != null && state.equals(row.getString("state"))
                    && (agentId == null || agentId.equals(row.getString("agent_id")));
        });
    }

    public static void awaitProcessed(PgPool pool, CloudEvent event) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> pool
                .preparedQuery("select 1 from processed_event where event_id = $1")
                .execute(Tuple.of(event.id())).await().atMost(Duration.ofSeconds(5)).size() == 1);
    }

    public static Row row(PgPool pool, String id) {
        RowSet<Row> rows = pool.preparedQuery("select state, agent_id from interaction where id = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
