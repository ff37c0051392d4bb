package io.chatsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.testing.CampaignFixture;
import io.chatsuite.testing.TestTokens;
import io.chatsuite.testing.TopicWriter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;

/** What the socket tests share: real clients, campaigns published on Kafka, routing simulated on Kafka. */
public abstract class GatewayTestBase {

    /** The suite's own public origin in tests (chat.public-url's default). */
    public static final String PUBLIC_ORIGIN = "http://localhost:8080";

    public static final String SHOP_ORIGIN = "https://shop.example.com";
    public static final Map<String, Map<String, String>> MESSAGES = Map.of(
            "welcome", Map.of("es", "¡Hola! ¿En qué podemos ayudarte?", "en", "Hi! How can we help?"),
            "notAvailable", Map.of("es", "Todos nuestros agentes están ocupados", "en", "All our agents are busy"),
            "comments", Map.of("en", "Thanks for chatting with us"));

    @Inject
    protected Vertx vertx;

    @Inject
    protected CampaignDirectory directory;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrap;

    @TestHTTPResource("/")
    protected URI base;

    private final List<WsClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
        clients.clear();
    }

    /** Publishes to the test broker, each event checked against the contract first. */
    protected TopicWriter writer() {
        return TopicWriter.shared(bootstrap);
    }

    /** routing-service's events about interactions. */
    protected RoutingEvents routing() {
        return new RoutingEvents(writer());
    }

    /** A campaign (default language es, the test messages) that allows the shop's origin. */
    protected CampaignUpserted campaign() {
        return publish(CampaignFixture.campaign()
                .withMessages(MESSAGES)
                .withAllowedOrigins(List.of(SHOP_ORIGIN))
                .build());
    }

    /**
     * Publishes {@code snapshot} as campaign-service would and waits until the directory holds that version (a
     * new campaign or an update of one).
     */
    protected CampaignUpserted publish(CampaignUpserted snapshot) {
        String id = snapshot.campaignId();
        writer().publish(id, snapshot);
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (directory.find(id).map(c -> c.version() < snapshot.version()).orElse(true)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Campaign " + id + " v" + snapshot.version() + " never reached the directory");
            }
            sleep(20);
        }
        return snapshot;
    }

    protected WsClient customerSocket(CampaignUpserted campaign) {
        return track(WsClient.customer(vertx, base, campaign.campaignId(), SHOP_ORIGIN));
    }

    /** A customer who said hello and got the session and the welcome. */
    protected Chat startChat(CampaignUpserted campaign, String language, String name) {
        WsClient client = customerSocket(campaign);
        client.send(ClientFrames.hello(language, name));
        JsonNode session = client.next("session");
        assertFalse(session.path("resumed").asBoolean());
        JsonNode welcome = client.next("system");
        assertEquals(1, welcome.path("seq").asLong());
        return new Chat(
                client,
                session.path("sessionToken").asText(),
                session.path("interactionId").asText(),
                campaign.campaignId());
    }

    /** A customer's message, acknowledged and sequenced; the sequenced frame. */
    protected static JsonNode write(Chat chat, String text) {
        String clientId = UUID.randomUUID().toString();
        chat.client().send(ClientFrames.message(clientId, text));
        List<JsonNode> frames = List.of(chat.client().next(), chat.client().next());
        JsonNode ack = frames.stream()
                .filter(f -> "ack".equals(f.path("type").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ack in " + frames));
        JsonNode message = frames.stream()
                .filter(f -> "message".equals(f.path("type").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message in " + frames));
        assertEquals(clientId, ack.path("clientId").asText());
        assertEquals(ack.path("id").asText(), message.path("id").asText());
        assertEquals(text, message.path("text").asText());
        return message;
    }

    /** An agent console connected with a fresh agent name; its {@code hello} already read. */
    protected Agent agent() {
        String user = "agent" + UUID.randomUUID().toString().substring(0, 8);
        WsClient client = track(WsClient.agent(vertx, base, TestTokens.agent(user, "sales")));
        JsonNode hello = client.next("hello");
        assertEquals(user, hello.path("agent").path("id").asText());
        return new Agent(user, client);
    }

    protected WsClient track(WsClient client) {
        clients.add(client);
        return client;
    }

    protected static Duration quiet() {
        return Duration.ofMillis(700);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public record Chat(WsClient client, String token, String interactionId, String campaignId) {}

    public record Agent(String id, WsClient client) {}
}
