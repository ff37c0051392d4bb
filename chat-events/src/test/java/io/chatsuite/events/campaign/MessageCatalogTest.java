package io.chatsuite.events.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageCatalogTest {

    static final Map<String, Map<String, String>> MESSAGES = Map.of(
            "welcome", Map.of("es", "Hola", "en", "Hello"),
            "outOfHours", Map.of("pt", "Estamos fechados"),
            "comments", Map.of("es", "  "));

    @Test
    void theCustomersLanguageComesFirst() {
        assertEquals(
                Optional.of(new MessageCatalog.Resolved("en", "Hello")),
                MessageCatalog.resolve(MESSAGES, "welcome", "en-GB", "es"));
    }

    @Test
    void thenTheCampaignsDefaultLanguage() {
        assertEquals(
                Optional.of(new MessageCatalog.Resolved("es", "Hola")),
                MessageCatalog.resolve(MESSAGES, "welcome", "pt-BR", "es"));
    }

    @Test
    void thenAnyConfiguredLanguage() {
        assertEquals(
                Optional.of(new MessageCatalog.Resolved("pt", "Estamos fechados")),
                MessageCatalog.resolve(MESSAGES, "outOfHours", "es", "en"));
    }

    @Test
    void unknownRequestedLanguageFallsBack() {
        assertEquals(
                "Hola",
                MessageCatalog.resolve(MESSAGES, "welcome", "fr", "es")
                        .orElseThrow()
                        .text());
        assertEquals(
                "Hola",
                MessageCatalog.resolve(MESSAGES, "welcome", null, null)
                        .orElseThrow()
                        .text());
    }

    @Test
    void blankOrMissingMessagesResolveToNothing() {
        assertEquals(Optional.empty(), MessageCatalog.resolve(MESSAGES, "comments", "es", "es"));
        assertEquals(Optional.empty(), MessageCatalog.resolve(MESSAGES, "offline", "es", "es"));
        assertEquals(Optional.empty(), MessageCatalog.resolve(null, "welcome", "es", "es"));
    }

    @Test
    void languageTagsAreNormalized() {
        assertEquals("pt", MessageCatalog.normalize("PT_br"));
        assertEquals(null, MessageCatalog.normalize("x"));
        assertEquals(null, MessageCatalog.normalize("de-DE"));
    }
}
