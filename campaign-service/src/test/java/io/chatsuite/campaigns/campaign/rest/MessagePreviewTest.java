package io.chatsuite.campaigns.campaign.rest;

import static io.chatsuite.campaigns.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.chatsuite.campaigns.Api;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessagePreviewTest {

    static final String ADMIN = TestTokens.admin("sales");

    @Test
    void savedCampaignMessagesResolveWithTheFallbackChain() {
        String id =
                Api.create(ADMIN, Api.campaign(Api.unique("Preview"), "sales")).id();
        as(ADMIN)
                .get("/api/campaigns/" + id + "/messages/welcome?language=en")
                .then()
                .statusCode(200)
                .body("kind", equalTo("welcome"))
                .body("requestedLanguage", equalTo("en"))
                .body("language", equalTo("en"))
                .body("text", equalTo("Hello"))
                .body("fallback", equalTo(false));
        // pt is not configured: the campaign's default language (es) answers.
        as(ADMIN)
                .get("/api/campaigns/" + id + "/messages/welcome?language=pt-BR")
                .then()
                .statusCode(200)
                .body("requestedLanguage", equalTo("pt"))
                .body("language", equalTo("es"))
                .body("text", equalTo("Hola"))
                .body("fallback", equalTo(true));
        as(ADMIN)
                .get("/api/campaigns/" + id + "/messages/outOfHours")
                .then()
                .statusCode(200)
                .body("requestedLanguage", equalTo("es"))
                .body("text", equalTo("Cerrado"));
        as(ADMIN)
                .get("/api/campaigns/" + id + "/messages/comments?language=en")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(ADMIN)
                .get("/api/campaigns/" + id + "/messages/farewell?language=xx")
                .then()
                .statusCode(400)
                .body("errors.field", contains("kind", "language"));
        as(TestTokens.admin("support"))
                .get("/api/campaigns/" + id + "/messages/welcome")
                .then()
                .statusCode(404);
    }

    @Test
    void unsavedFormMessagesResolveToo() {
        as(ADMIN)
                .body("""
                        {"messages":{"welcome":{"en":"Hi"}},"defaultLanguage":"es","kind":"welcome","language":"pt"}""")
                .post("/api/campaigns/messages/preview")
                .then()
                .statusCode(200)
                .body("requestedLanguage", equalTo("pt"))
                .body("language", equalTo("en"))
                .body("text", equalTo("Hi"))
                .body("fallback", equalTo(true));
        as(ADMIN).body("""
                        {"messages":{"welcome":{"en":"  "}},"defaultLanguage":"es","kind":"welcome","language":"en"}""").post("/api/campaigns/messages/preview").then().statusCode(404);
        as(ADMIN)
                .body("""
                        {"messages":{},"defaultLanguage":"de","kind":"bye"}""")
                .post("/api/campaigns/messages/preview")
                .then()
                .statusCode(400)
                .body("errors.field", contains("defaultLanguage", "kind"));
    }
}
