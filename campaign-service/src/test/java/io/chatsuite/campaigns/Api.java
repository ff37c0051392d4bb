package io.chatsuite.campaigns;

import static io.restassured.RestAssured.given;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the REST tests share: request bodies, calls as a given token, and reading the events published. */
public final class Api {

    private Api() {}

    /** A unique security group, so a test's listings hold only its own campaigns. */
    public static String group(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid campaign with every field set. */
    public static String campaign(String name, String group, String... members) {
        return """
                {"name":"%s","securityGroup":"%s","strategy":"LONGEST_IDLE","serviceLevelSeconds":20,
                 "serviceLevelFormula":"ANSWERED_ONLY","shortAbandonSeconds":8,
                 "schedule":{"timezone":"Europe/Madrid",
                             "weekly":[{"day":"MONDAY","start":"09:00","end":"14:00"},
                                       {"day":"MONDAY","start":"16:00","end":"20:00"},
                                       {"day":"FRIDAY","start":"22:00","end":"02:00"}],
                             "exceptions":[{"date":"2030-12-25","closed":true,"ranges":[]},
                                           {"date":"2030-12-24","closed":false,"ranges":[{"start":"09:00","end":"13:00"}]}]},
                 "maxWaiting":30,"allowAudio":true,"allowVideo":false,"offlineMessagesEnabled":true,
                 "allowedOrigins":["https://shop.example.com"],"defaultLanguage":"es",
                 "messages":{"welcome":{"es":"Hola","en":"Hello"},"outOfHours":{"es":"Cerrado"}},
                 "agentMembers":[%s]}""".formatted(
                        name,
                        group,
                        String.join(
                                ",",
                                java.util.Arrays.stream(members)
                                        .map(m -> "\"" + m + "\"")
                                        .toList()));
    }

    public static RequestSpecification as(String token) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** Creates a campaign; its id and ETag. */
    public static Created create(String token, String body) {
        ExtractableResponse<Response> r = as(token)
                .body(body)
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .extract();
        return new Created(r.path("id"), r.header("ETag"));
    }

    public record Created(String id, String etag) {}

    /** The first record of {@code topic} with {@code key} whose value passes {@code value}; checks its schema. */
    public static ConsumerRecord<String, String> awaitEvent(
            String bootstrap, String topic, String key, Predicate<CloudEvent> value) {
        ConsumerRecord<String, String> r = TopicReader.awaitOne(
                bootstrap,
                topic,
                rec -> key.equals(rec.key()) && rec.value() != null && value.test(EventCodec.decode(rec.value())));
        List<String> violations = EventSchemas.violations(topic, r.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("Event violates the contract: " + violations + " in " + r.value());
        }
        return r;
    }

    public static Predicate<CloudEvent> ofType(String type) {
        return e -> type.equals(e.type());
    }

    /** Waits for the tombstone (null value) of {@code key} on {@code topic}. */
    public static void awaitTombstone(String bootstrap, String topic, String key) {
        TopicReader.await(
                bootstrap,
                List.of(topic),
                rec -> key.equals(rec.key()) && rec.value() == null,
                1,
                Duration.ofSeconds(20));
    }
}
