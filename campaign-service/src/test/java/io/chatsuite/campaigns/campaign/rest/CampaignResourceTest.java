package io.chatsuite.campaigns.campaign.rest;

import static io.chatsuite.campaigns.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.campaigns.Api;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void adminCreatesACampaignWithEveryFieldAndItIsPublishedAsAFullSnapshot() {
        String name = Api.unique("Sales");
        String id = as(TestTokens.admin("sales"))
                .body(Api.campaign(name, "sales", "bob", "alice"))
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("strategy", equalTo("LONGEST_IDLE"))
                .body("serviceLevelFormula", equalTo("ANSWERED_ONLY"))
                .body("shortAbandonSeconds", equalTo(8))
                .body("maxWaiting", equalTo(30))
                .body("allowAudio", equalTo(true))
                .body("allowVideo", equalTo(false))
                .body("offlineMessagesEnabled", equalTo(true))
                .body("schedule.weekly[2].end", equalTo("02:00"))
                .body("schedule.exceptions[0].date", equalTo("2030-12-24"))
                .body("agentMembers", contains("alice", "bob"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract()
                .path("id");

        CampaignUpserted snapshot = EventCodec.data(
                EventCodec.decode(
                        Api.awaitEvent(bootstrap, Topics.CAMPAIGNS, id, Api.ofType(EventType.CAMPAIGN_UPSERTED.type()))
                                .value()),
                CampaignUpserted.class);
        assertEquals(name, snapshot.name());
        assertEquals(List.of("alice", "bob"), snapshot.agentMembers());
        assertEquals("Hola", snapshot.messages().get("welcome").get("es"));
        assertEquals(ServiceLevelFormula.ANSWERED_ONLY, snapshot.serviceLevelFormula());
        assertEquals(8, snapshot.shortAbandonSeconds());
        assertEquals(30, snapshot.maxWaiting());
        assertTrue(snapshot.allowAudio() && !snapshot.allowVideo() && snapshot.offlineMessagesEnabled());
        assertEquals("Europe/Madrid", snapshot.schedule().timezone());
        assertEquals(DayOfWeek.FRIDAY, snapshot.schedule().weekly().get(2).day());
        assertEquals(LocalTime.of(2, 0), snapshot.schedule().weekly().get(2).end());
        assertEquals(
                LocalDate.of(2030, 12, 25),
                snapshot.schedule().exceptions().get(1).date());
        assertEquals(List.of("https://shop.example.com"), snapshot.allowedOrigins());
    }

    @Test
    void omittedOptionalFieldsTakeTheirDefaults() {
        String id = as(TestTokens.admin("sales"))
                .body("""
                        {"name":"%s","securityGroup":"sales","strategy":"RING_ALL","serviceLevelSeconds":30,
                         "defaultLanguage":"en"}""".formatted(Api.unique("Minimal")))
                .post("/api/campaigns")
                .then()
                .statusCode(201)
                .body("serviceLevelFormula", equalTo("ANSWERED_PLUS_LATE_ABANDONS"))
                .body("shortAbandonSeconds", equalTo(5))
                .body("maxWaiting", equalTo(50))
                .body("allowAudio", equalTo(false))
                .body("offlineMessagesEnabled", equalTo(false))
                .body("schedule", equalTo(null))
                .body("agentMembers", equalTo(List.of()))
                .extract()
                .path("id");
        CampaignUpserted snapshot = EventCodec.data(
                EventCodec.decode(
                        Api.awaitEvent(bootstrap, Topics.CAMPAIGNS, id, Api.ofType(EventType.CAMPAIGN_UPSERTED.type()))
                                .value()),
                CampaignUpserted.class);
        assertNull(snapshot.schedule());
        assertEquals(50, snapshot.maxWaiting());
    }

    @Test
    void invalidCampaignIsRejectedWithEveryBadFieldNamedByItsPath() {
        as(TestTokens.admin("sales"))
                .body("""
                        {"name":"","securityGroup":"sales","strategy":"FASTEST","serviceLevelSeconds":0,
                         "serviceLevelFormula":"MAGIC","shortAbandonSeconds":601,"maxWaiting":0,
                         "defaultLanguage":"fr",
                         "schedule":{"timezone":"Mars/Olympus",
                                     "weekly":[{"day":"MONDAY","start":"09:00","end":"18:00"},
                                               {"day":"FUNDAY","start":"9","end":"24:00"}],
                                     "exceptions":[{"date":"2030-02-30","closed":true},
                                                   {"date":"2030-12-25","closed":true},
                                                   {"date":"2030-12-25","closed":true,"ranges":[{"start":"10:00","end":"11:00"}]}]},
                         "allowedOrigins":["https://ok.example.com","ftp://nope"],
                         "messages":{"welcome":{"es":"Hola","fr":"Bonjour"},"goodbye":{"es":"Adiós"},
                                     "comments":{"en":"%s"}},
                         "agentMembers":["alice","not a user"]}""".formatted("x".repeat(2001)))
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        contains(Stream.of(
                                        "allowedOrigins[1]",
                                        "defaultLanguage",
                                        "agentMembers[1]",
                                        "maxWaiting",
                                        "messages.comments.en",
                                        "messages.goodbye",
                                        "messages.welcome.fr",
                                        "name",
                                        "schedule.exceptions[0].date",
                                        "schedule.exceptions[2].date",
                                        "schedule.exceptions[2].ranges",
                                        "schedule.timezone",
                                        "schedule.weekly[1].day",
                                        "schedule.weekly[1].end",
                                        "schedule.weekly[1].start",
                                        "serviceLevelFormula",
                                        "serviceLevelSeconds",
                                        "shortAbandonSeconds",
                                        "strategy")
                                .sorted()
                                .toArray(String[]::new)));
    }

    @Test
    void duplicateNameInTheSameGroupIsAConflictWhateverItsCase() {
        String name = Api.unique("Dup");
        Api.create(TestTokens.admin("sales"), Api.campaign(name, "sales"));
        as(TestTokens.admin("sales"))
                .body(Api.campaign(name.toUpperCase(), "sales"))
                .post("/api/campaigns")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(TestTokens.admin("support"))
                .body(Api.campaign(name, "support"))
                .post("/api/campaigns")
                .then()
                .statusCode(201);
    }

    @Test
    void callingWithoutATokenIsUnauthorizedWithProblemDetails() {
        as(null).get("/api/campaigns")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        // A token that is checked and refused is a 401 too, not an outage of the identity provider (503).
        as("not.a.token").get("/api/campaigns").then().statusCode(401);
    }

    @Test
    void creatingInAGroupTheCallerIsNotInIsForbidden() {
        as(TestTokens.admin("sales"))
                .body(Api.campaign(Api.unique("Elsewhere"), "support"))
                .post("/api/campaigns")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void unreadableJsonIsABadRequest() {
        as(TestTokens.admin("sales"))
                .body("{\"name\": ")
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.admin("sales"))
                .body(Api.campaign("x", "sales")
                        .replace("\"serviceLevelSeconds\":20", "\"serviceLevelSeconds\":\"soon\""))
                .post("/api/campaigns")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("serviceLevelSeconds"));
    }

    @Test
    void healthReportsDatabaseAndKafka() {
        String body =
                given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(body.contains("Kafka") || body.contains("kafka"), body);
        assertTrue(body.toLowerCase().contains("database") || body.toLowerCase().contains("postgres"), body);
    }

    @Test
    void openApiDocumentsEveryEndpointWithExamples() {
        String doc = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String path : List.of(
                "/api/campaigns",
                "/api/campaigns/{id}",
                "/api/campaigns/{id}/messages/{kind}",
                "/api/campaigns/messages/preview",
                "/api/agent-profiles",
                "/api/agent-profiles/{agentId}")) {
            assertTrue(doc.contains("\"" + path + "\""), "OpenAPI lacks " + path);
        }
        assertTrue(doc.contains("schedule.weekly[1].end"), "OpenAPI lacks the validation example");
    }
}
