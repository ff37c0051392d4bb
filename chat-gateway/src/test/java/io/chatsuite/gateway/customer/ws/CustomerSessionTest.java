package io.chatsuite.gateway.customer.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.gateway.WsClient;
import io.chatsuite.testing.CampaignFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerSessionTest extends GatewayTestBase {

    @Test
    void newSessionGetsATokenAndTheWelcomeInTheCustomersLanguage() {
        CampaignUpserted campaign = campaign();
        WsClient client = customerSocket(campaign);
        client.send(ClientFrames.hello("en-US", "Ana"));

        JsonNode session = client.next("session");
        assertEquals("en", session.path("language").asText());
        assertFalse(session.path("resumed").asBoolean());
        assertFalse(session.path("sessionToken").asText().isBlank());
        assertTrue(session.path("open").asBoolean(), "a campaign without a schedule is always open");
        assertFalse(session.has("nextChange"), "and never changes");
        String interactionId = session.path("interactionId").asText();

        JsonNode welcome = client.next("system");
        assertEquals(1, welcome.path("seq").asLong());
        assertEquals(interactionId, welcome.path("interactionId").asText());
        assertEquals("welcome", welcome.path("kind").asText());
        assertEquals("en", welcome.path("language").asText());
        assertEquals("Hi! How can we help?", welcome.path("text").asText());
    }

    @Test
    void welcomeFallsBackToTheDefaultLanguageThenToAnyConfiguredOne() {
        WsClient spanishDefault = customerSocket(campaign());
        spanishDefault.send(ClientFrames.hello("pt", null));
        assertEquals("pt", spanishDefault.next("session").path("language").asText());
        JsonNode welcome = spanishDefault.next("system");
        assertEquals("es", welcome.path("language").asText());
        assertEquals("¡Hola! ¿En qué podemos ayudarte?", welcome.path("text").asText());

        CampaignUpserted onlyEnglish = publish(CampaignFixture.campaign()
                .withDefaultLanguage("pt")
                .withMessages(Map.of("welcome", Map.of("en", "Hello there")))
                .withAllowedOrigins(List.of(SHOP_ORIGIN))
                .build());
        WsClient client = customerSocket(onlyEnglish);
        client.send(ClientFrames.hello(null, null));
        assertEquals("pt", client.next("session").path("language").asText());
        welcome = client.next("system");
        assertEquals("en", welcome.path("language").asText());
        assertEquals("Hello there", welcome.path("text").asText());
    }

    @Test
    void nothingButHelloIsAcceptedFirst() {
        WsClient client = customerSocket(campaign());
        client.send(ClientFrames.message("c1", "hi"));
        assertEquals("HELLO_FIRST", client.next("error").path("code").asText());
        client.send(ClientFrames.end());
        assertEquals("HELLO_FIRST", client.next("error").path("code").asText());
        client.send(ClientFrames.hello("es", null));
        client.next("session");
    }

    @Test
    void resumeReplaysExactlyTheFramesMissedAndThenContinuesLive() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "es", "Ana");
        write(chat, "first");
        write(chat, "second");
        write(chat, "third");
        chat.client().close();

        routing().queued(campaign.campaignId(), chat.interactionId(), 2);
        WsClient again = customerSocket(campaign);
        again.send(ClientFrames.resume(chat.token(), 3));
        JsonNode session = again.next("session");
        assertTrue(session.path("resumed").asBoolean());
        assertEquals(chat.interactionId(), session.path("interactionId").asText());
        assertEquals(chat.token(), session.path("sessionToken").asText());

        JsonNode third = again.next("message");
        assertEquals(4, third.path("seq").asLong());
        assertEquals("third", third.path("text").asText());
        JsonNode queued = again.next("queued");
        assertEquals(5, queued.path("seq").asLong());
        assertEquals(2, queued.path("position").asInt());
        assertEquals(List.of(), again.drain(quiet()), "nothing is sent twice");

        routing().queued(campaign.campaignId(), chat.interactionId(), 1);
        assertEquals(6, again.next("queued").path("seq").asLong());
    }

    @Test
    void forgedOrForeignTokensAreRefusedAndTheSocketStaysUsable() {
        CampaignUpserted campaign = campaign();
        Chat chat = startChat(campaign, "es", null);
        WsClient other = customerSocket(campaign);
        other.send(ClientFrames.resume(chat.token() + "x", 0));
        assertEquals("SESSION_INVALID", other.next("error").path("code").asText());

        WsClient otherCampaign = customerSocket(campaign());
        otherCampaign.send(ClientFrames.resume(chat.token(), 0));
        assertEquals("SESSION_INVALID", otherCampaign.next("error").path("code").asText());

        other.send(ClientFrames.resume(chat.token(), 0));
        assertTrue(other.next("session").path("resumed").asBoolean());
        assertEquals(1, other.next("system").path("seq").asLong());
    }
}
