package io.chatsuite.gateway.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsoleResourceTest {

    @Test
    void theConsoleLearnsWhereToLogIn() {
        given().get("/console/config.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("oidcUrl", equalTo("http://localhost:8180/realms/chat-suite"))
                .body("clientId", equalTo("chat-console"));
    }

    @Test
    void theRootLeadsToTheDemoPage() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", "/demo/");
    }

    @Test
    void readinessWaitsForCampaigns() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("Campaign directory"));
    }
}
