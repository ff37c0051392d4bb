package io.chatsuite.routing.servicelevel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.servicelevel.ServiceLevelUpdated;
import io.chatsuite.routing.Suite;
import io.chatsuite.routing.SuiteTest;
import io.chatsuite.testing.TestTokens;
import io.chatsuite.testing.TopicReader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The live side of the service level: the dashboard stream pushes each change, the compacted service-levels
 * topic receives snapshots, and Prometheus gauges follow the campaign.
 */
@QuarkusTest
class ServiceLevelLiveTest extends SuiteTest {

    @TestHTTPResource("/api/routing/dashboard/stream")
    URL streamUrl;

    @Test
    void theStreamPushesTheQueueAndTheAnswerAsTheyHappen() throws Exception {
        String agent = Suite.id("uma");
        String campaign = LiveCampaigns.publish(
                suite, "support", List.of(agent), 20, ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS, 1);
        try (SseReader stream = SseReader.open(streamUrl, TestTokens.supervisor("support"))) {
            JsonNode first = stream.await(e -> campaign.equals(
                    e.path("campaign").path("live").path("campaignId").asText()));
            assertEquals(0, first.path("campaign").path("live").path("waiting").asInt());

            String interaction = suite.request(campaign);
            JsonNode queued = stream.await(
                    e -> isCampaign(e, campaign) && live(e).path("waiting").asInt() == 1);
            assertTrue(live(queued).path("oldestQueuedAt").isTextual(), queued.toString());
            assertEquals(1, live(queued).path("today").path("offered").asInt());

            suite.presence(agent, PresenceStatus.AVAILABLE);
            suite.event(interaction, 2, EventType.INTERACTION_ASSIGNED);
            JsonNode answered = stream.await(e -> isCampaign(e, campaign)
                    && live(e).path("today").path("answeredWithin").asInt() == 1);
            assertEquals(0, live(answered).path("waiting").asInt());
            assertEquals(1, live(answered).path("agentsBusy").asInt());
            assertEquals(100.0, live(answered).path("serviceLevelToday").asDouble());
            assertEquals(1, answered.path("campaign").path("intervals").size(), "the chart's interval");
        }
    }

    @Test
    void theStreamShowsOnlyTheCampaignsOfTheCallersGroupsAndNeedsTheRole() throws Exception {
        String support = LiveCampaigns.publish(
                suite, "support", List.of(), 20, ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS, 1);
        String sales = LiveCampaigns.publish(
                suite, "sales", List.of(), 20, ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS, 1);
        try (SseReader stream = SseReader.open(streamUrl, TestTokens.supervisor("sales"))) {
            stream.await(e -> isCampaign(e, sales));
            suite.request(support);
            suite.request(sales);
            stream.await(e -> isCampaign(e, sales) && live(e).path("waiting").asInt() == 1);
            assertTrue(stream.seen().stream().noneMatch(e -> isCampaign(e, support)), "a support campaign leaked");
        }
        given().get("/api/routing/dashboard/stream").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("vera", "sales"))
                .get("/api/routing/dashboard/stream")
                .then()
                .statusCode(403);
    }

    @Test
    void snapshotsGoToTheCompactedTopicAndGaugesFollowTheCampaign() {
        String campaign = LiveCampaigns.publish(suite, "support", List.of(), 20, ServiceLevelFormula.ALL_ABANDONS, 1);
        suite.request(campaign);

        var record = TopicReader.await(
                        bootstrap,
                        List.of(Topics.SERVICE_LEVELS),
                        r -> campaign.equals(r.key()) && r.value().contains("\"waiting\":1"),
                        1,
                        Duration.ofSeconds(20))
                .get(0);
        assertEquals(List.of(), EventSchemas.violations(Topics.SERVICE_LEVELS, record.value()), record.value());
        CloudEvent event = EventCodec.decode(record.value());
        assertEquals(EventType.SERVICE_LEVEL_UPDATED.type(), event.type());
        ServiceLevelUpdated snapshot = EventCodec.data(event, ServiceLevelUpdated.class);
        assertEquals(ServiceLevelFormula.ALL_ABANDONS, snapshot.formula());
        assertEquals(20, snapshot.thresholdSeconds());
        assertEquals(1, snapshot.today().offered());
        assertEquals(1, snapshot.lastHour().offered());

        Pattern waiting = Pattern.compile(
                "(?m)^chat_queue_waiting\\{[^}]*campaign=\"" + Pattern.quote(campaign) + "\"[^}]*} 1\\.0$");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String metrics = "";
        while (System.nanoTime() < deadline) {
            metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            if (waiting.matcher(metrics).find()) {
                break;
            }
            Suite.sleep(200);
        }
        assertTrue(waiting.matcher(metrics).find(), "no waiting gauge of " + campaign);
        for (String gauge : List.of(
                "chat_service_level_today_percent",
                "chat_queue_longest_wait_seconds",
                "chat_agents_available",
                "chat_agents_busy")) {
            assertTrue(
                    Pattern.compile("(?m)^" + gauge + "\\{[^}]*campaign=\"" + Pattern.quote(campaign) + "\"")
                            .matcher(metrics)
                            .find(),
                    gauge + " missing");
        }
    }

    private static boolean isCampaign(JsonNode event, String campaignId) {
        return "campaign".equals(event.path("type").asText())
                && campaignId.equals(live(event).path("campaignId").asText());
    }

    private static JsonNode live(JsonNode event) {
        return event.path("campaign").path("live");
    }

    /** Reads a Server-Sent Events stream with a bearer token, as the dashboard page does with fetch. */
    static final class SseReader implements AutoCloseable {

        private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final List<JsonNode> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private SseReader(URL url, String token) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            HttpResponse<Stream<String>> r = response.get(10, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            Thread reader = new Thread(
                    () -> r.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            try {
                                JsonNode event = EventCodec.mapper()
                                        .readTree(line.substring(5).trim());
                                seen.add(event);
                                events.add(event);
                            } catch (IOException e) {
                                throw new IllegalStateException(line, e);
                            }
                        }
                    }),
                    "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static SseReader open(URL url, String token) throws Exception {
            return new SseReader(url, token);
        }

        JsonNode await(Predicate<JsonNode> filter) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e != null && filter.test(e)) {
                    return e;
                }
            }
            throw new AssertionError("No matching event in 20 s; seen: " + seen);
        }

        List<JsonNode> seen() {
            return seen;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
        }
    }
}
