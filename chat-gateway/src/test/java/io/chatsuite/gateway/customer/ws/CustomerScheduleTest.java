package io.chatsuite.gateway.customer.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.gateway.WsClient;
import io.chatsuite.testing.CampaignFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a customer is greeted with depends on the campaign's schedule at the moment of {@code hello}. */
@QuarkusTest
class CustomerScheduleTest extends GatewayTestBase {

    static final Map<String, Map<String, String>> TEXTS = Map.of(
            "welcome", Map.of("es", "Hola", "en", "Hello"),
            "outOfHours", Map.of("es", "Estamos cerrados", "en", "We are closed"),
            "offline", Map.of("es", "Déjanos un mensaje"));

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Always open except on the given dates (UTC), which are closed all day. */
    static Schedule closedOn(LocalDate... dates) {
        return new Schedule(
                "UTC",
                List.of(),
                java.util.Arrays.stream(dates)
                        .map(d -> new Schedule.DateException(d, true, List.of()))
                        .toList());
    }

    CampaignUpserted campaign(Schedule schedule, boolean offlineMessages) {
        String id = UUID.randomUUID().toString();
        return publish(CampaignFixture.campaign(id)
                .withName("Scheduled " + id)
                .withSchedule(schedule)
                .withMessages(TEXTS)
                .withAllowedOrigins(List.of(SHOP_ORIGIN))
                .withOfflineMessagesEnabled(offlineMessages)
                .build());
    }

    @Test
    void anOpenCampaignWelcomesAndSaysWhenItCloses() {
        WsClient client = customerSocket(campaign(closedOn(today().plusDays(2)), true));
        client.send(ClientFrames.hello("en", null));
        JsonNode session = client.next("session");
        assertTrue(session.path("open").asBoolean());
        assertEquals(
                today().plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
                session.path("nextChange").asText());
        JsonNode welcome = client.next("system");
        assertEquals("welcome", welcome.path("kind").asText());
        assertEquals("Hello", welcome.path("text").asText());
        assertEquals(List.of(), client.drain(quiet()), "no out-of-hours text while open");
    }

    @Test
    void aClosedCampaignGreetsWithTheOutOfHoursTextInTheCustomersLanguageAndSaysWhenItOpens() {
        WsClient client = customerSocket(campaign(closedOn(today().minusDays(1), today(), today().plusDays(1)), false));
        client.send(ClientFrames.hello("en-GB", null));
        JsonNode session = client.next("session");
        assertFalse(session.path("open").asBoolean());
        assertEquals(
                today().plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
                session.path("nextChange").asText());
        JsonNode closed = client.next("system");
        assertEquals(1, closed.path("seq").asLong());
        assertEquals("outOfHours", closed.path("kind").asText());
        assertEquals("en", closed.path("language").asText());
        assertEquals("We are closed", closed.path("text").asText());
        assertEquals(List.of(), client.drain(quiet()), "no welcome and no offline prompt when offline is off");
    }

    @Test
    void aClosedCampaignWithOfflineMessagesAlsoPromptsForOneInTheFallbackLanguage() {
        WsClient client = customerSocket(campaign(closedOn(today().minusDays(1), today(), today().plusDays(1)), true));
        client.send(ClientFrames.hello("en", null));
        assertFalse(client.next("session").path("open").asBoolean());
        JsonNode closed = client.next("system");
        assertEquals("outOfHours", closed.path("kind").asText());
        assertEquals(1, closed.path("seq").asLong());
        JsonNode offline = client.next("system");
        assertEquals("offline", offline.path("kind").asText());
        assertEquals(2, offline.path("seq").asLong());
        // No English prompt: the campaign's default language (es) answers.
        assertEquals("es", offline.path("language").asText());
        assertEquals("Déjanos un mensaje", offline.path("text").asText());
    }

    @Test
    void aResumedSessionIsToldWhetherTheCampaignIsOpenNow() {
        CampaignUpserted open = campaign(null, false);
        Chat chat = startChat(open, "es", null);
        chat.client().close();
        // The campaign closes for today while the customer is away.
        publish(CampaignFixture.from(open)
                .withVersion(2)
                .withSchedule(closedOn(today().minusDays(1), today(), today().plusDays(1)))
                .withUpdatedAt(null)
                .build());
        WsClient again = customerSocket(open);
        again.send(ClientFrames.resume(chat.token(), 1));
        JsonNode session = again.next("session");
        assertTrue(session.path("resumed").asBoolean());
        assertFalse(session.path("open").asBoolean());
        assertTrue(session.has("nextChange"));
    }
}
