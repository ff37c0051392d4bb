package io.chatsuite.recordings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.events.message.Sender;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the events of chats the way routing and the gateway do: CloudEvents through a plain Kafka producer,
 * keyed by the entity id, each checked against the contract's JSON Schema first.
 */
public final class ChatEvents {

    // One reference time per test JVM so that at(n) means the same instant when producing and when asserting.
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static KafkaProducer<String, String> producer;

    private ChatEvents() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A time in the recent past, at whole seconds so it reads back unchanged from PostgreSQL and JSON. */
    public static Instant at(int secondsAgo) {
        return NOW.minusSeconds(secondsAgo);
    }

    public static CloudEvent campaign(String campaignId, String name, String securityGroup) {
        return publish(campaignId, new CampaignUpserted(campaignId, 1, name, securityGroup, Strategy.LONGEST_IDLE, 20,
                "es", null, Map.of(), List.of("alice"), List.of("http://localhost:8080"), Instant.now()));
    }

    public static CloudEvent queued(String interactionId, String campaignId, Instant at) {
        return publish(interactionId, new InteractionQueued(interactionId, campaignId, 1, at));
    }

    public static CloudEvent assigned(String interactionId, String campaignId, String agentId, String customerName,
            Instant requestedAt, Instant assignedAt) {
        return publish(interactionId, new InteractionAssigned(interactionId, campaignId, agentId, customerName, "en",
                requestedAt, assignedAt, new AssignmentReason(Strategy.LONGEST_IDLE,
                        List.of(new AssignmentReason.Candidate(agentId, 120.0)), 120.0)));
    }

    public static CloudEvent abandoned(String interactionId, String campaignId, Instant requestedAt, Instant at) {
        return publish(interactionId, new InteractionAbandoned(interactionId, campaignId, requestedAt, at));
    }

    public static CloudEvent ended(String interactionId, String campaignId, String agentId, Party by, Instant at) {
        return publish(interactionId, new InteractionEnded(interactionId, campaignId, agentId, by, at));
    }

    public static CloudEvent customerSays(String interactionId, String campaignId, String clientId, String text,
            Instant at) {
        return message(interactionId, campaignId, clientId, new Sender(Party.CUSTOMER, "customer", "Carla"), text, at);
    }

    public static CloudEvent agentSays(String interactionId, String campaignId, String agentId, String clientId,
            String text, Instant at) {
        return message(interactionId, campaignId, clientId, new Sender(Party.AGENT, agentId, "Alice"), text, at);
    }

    public static CloudEvent message(String interactionId, String campaignId, String clientId, Sender sender,
            String text, Instant at) {
        return publish(interactionId, new ChatMessageSent(interactionId, campaignId, interactionId + ":" + clientId,
                clientId, sender, text, "en", at));
    }

    /** Publishes {@code data} in a new envelope and returns the envelope (to redeliver it as a duplicate). */
    public static CloudEvent publish(String key, Record data) {
        CloudEvent event = EventCodec.wrap("/test", key, data);
        publish(key, event);
        return event;
    }

    public static void publish(String key, CloudEvent event) {
        String topic = EventType.of(event.type()).orElseThrow().topic();
        String value = EventCodec.encode(event);
        assertEquals(List.of(), EventSchemas.violations(topic, value), "fixture must follow the contract");
        send(topic, key, value);
    }

    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot produce to " + topic, e.getCause());
        }
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
