package io.chatsuite.gateway.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTextsTest {

    private static final Map<String, Map<String, String>> MESSAGES = Map.of(
            "welcome", Map.of("es", "Hola", "en", "Hello"),
            "comments", Map.of("pt", "Obrigado"),
            "outOfHours", Map.of("en", " "));

    @Test
    void theCustomersLanguageComesFirst() {
        assertEquals(
                Optional.of(new MessageTexts.Text("en", "Hello")), MessageTexts.pick(MESSAGES, "welcome", "en", "es"));
    }

    @Test
    void thenTheCampaignsDefaultLanguage() {
        assertEquals(
                Optional.of(new MessageTexts.Text("es", "Hola")), MessageTexts.pick(MESSAGES, "welcome", "pt", "es"));
        assertEquals(
                Optional.of(new MessageTexts.Text("en", "Hello")), MessageTexts.pick(MESSAGES, "welcome", null, "en"));
    }

    @Test
    void thenAnyConfiguredLanguage() {
        assertEquals(
                Optional.of(new MessageTexts.Text("pt", "Obrigado")),
                MessageTexts.pick(MESSAGES, "comments", "en", "es"));
    }

    @Test
    void noTextWhenTheKindIsNotConfiguredOrBlank() {
        assertTrue(MessageTexts.pick(MESSAGES, "notAvailable", "en", "es").isEmpty());
        assertTrue(MessageTexts.pick(MESSAGES, "outOfHours", "en", "es").isEmpty());
        assertTrue(MessageTexts.pick(null, "welcome", "en", "es").isEmpty());
    }

    @Test
    void browserLanguagesAreReducedToTheSuitesLanguages() {
        assertEquals("pt", MessageTexts.normalizeLanguage("pt-BR"));
        assertEquals("es", MessageTexts.normalizeLanguage("ES"));
        assertNull(MessageTexts.normalizeLanguage("fr"));
        assertEquals("en", MessageTexts.sessionLanguage("fr-FR", "en"));
        assertEquals("es", MessageTexts.sessionLanguage(null, "es"));
    }
}
