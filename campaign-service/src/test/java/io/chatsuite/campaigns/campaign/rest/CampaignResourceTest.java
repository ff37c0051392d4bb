package io.chatsuite.campaigns.campaign.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventSchemas;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.local.testing.TestTokens;
import io.chatsuite.local.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CampaignResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String body(String name, String group) {
        return """
                {"name":"%s","securityGroup":"%s","strategy":"LONGEST_IDLE","serviceLevelSeconds":20,
                 "defaultLanguage":"es","messages":{"welcome":{"es":"Hola","en":"Hello"}},
                 "agentMembers":["alice"],"allowedOrigins":["http://localhost:8080"]}""".formatted(name, group);
    }

    @Test
    void adminCreatesACampaignAndItIsPublishedAsASnapshot() {
        String name = "Sales " + UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.admin("sales")).contentType(ContentType.JSON)
                .body(body(name, "sales"))
                .when().post("/api/campaigns")
                .then().statusCode(201).header("Location", notNullValue())
                .body("name", equalTo(name)).body("strategy", equalTo("LONGEST_IDLE"))
                .extract().path("id");

        String value = TopicReader.awaitOne(bootstrap, Topics.CAMPAIGNS, r -> id.equals(r.key())).value();
        assertEquals(List.of(), EventSchemas.violations(Topics.CAMPAIGNS, value));
        CloudEvent event = EventCodec.decode(value);
        CampaignUpserted snapshot = EventCodec.data(event, CampaignUpserted.class);
        assertEquals(name, snapshot.name());
        assertEquals(List.of("alice"), snapshot.agentMembers());
        assertEquals("Hola", snapshot.messages().get("welcome").get("es"));
    }

    @Test
    void campaignsAreVisibleOnlyInsideTheCallersSecurityGroups() {
        String name = "Support " + UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.admin("support")).contentType(ContentType.JSON)
                .body(body(name, "support")).post("/api/campaigns").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.agent("bob", "support")).get("/api/campaigns/" + id)
                .then().statusCode(200).body("name", equalTo(name));
        given().auth().oauth2(TestTokens.admin("sales")).get("/api/campaigns/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.supervisor("sales")).get("/api/campaigns")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.supervisor("support")).get("/api/campaigns")
                .then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void onlyAdminsWriteAndOnlyAuthenticatedCallersRead() {
        given().contentType(ContentType.JSON).body(body("x", "sales")).post("/api/campaigns")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("sales")).contentType(ContentType.JSON)
                .body(body("x", "sales")).post("/api/campaigns").then().statusCode(403);
        given().get("/api/campaigns").then().statusCode(401);
    }

    @Test
    void invalidCampaignIsRejectedWithEveryBadFieldNamed() {
        given().auth().oauth2(TestTokens.admin("sales")).contentType(ContentType.JSON)
                .body("""
                        {"name":"","securityGroup":"sales","strategy":"LONGEST_IDLE","serviceLevelSeconds":0,
                         "defaultLanguage":"fr"}""")
                .post("/api/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("defaultLanguage", "name", "serviceLevelSeconds"));
        given().auth().oauth2(TestTokens.admin("sales")).contentType(ContentType.JSON)
                .body(body("x", "sales").replace("LONGEST_IDLE", "FASTEST"))
                .post("/api/campaigns")
                .then().statusCode(400).body("errors.field", hasItem("strategy"));
    }

    @Test
    void duplicateNameInTheSameGroupIsAConflict() {
        String name = "Dup " + UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin("sales")).contentType(ContentType.JSON).body(body(name, "sales"))
                .post("/api/campaigns").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin("sales")).contentType(ContentType.JSON).body(body(name, "sales"))
                .post("/api/campaigns").then().statusCode(409);
        given().auth().oauth2(TestTokens.admin("support")).contentType(ContentType.JSON)
                .body(body(name, "support")).post("/api/campaigns").then().statusCode(201);
    }

    @Test
    void healthReportsDatabaseAndKafka() {
        String body = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertTrue(body.contains("Kafka") || body.contains("kafka"), body);
        assertTrue(body.toLowerCase().contains("database") || body.toLowerCase().contains("postgres"), body);
    }
}
