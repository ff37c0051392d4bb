package io.chatsuite.events.campaign;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one definition of which text a customer sees for a campaign message: the customer's language, else the
 * campaign's default language, else any configured one (es, en, pt, in that order).
 */
public final class MessageCatalog {

    public static final List<String> LANGUAGES = List.of("es", "en", "pt");
    public static final List<String> KINDS =
            List.of("welcome", "outOfHours", "notAvailable", "agentAutomatic", "offline", "comments");

    private MessageCatalog() {}

    /** A resolved message: the text and the language it is in. */
    public record Resolved(String language, String text) {}

    public static Optional<Resolved> resolve(
            Map<String, Map<String, String>> messages, String kind, String requestedLanguage, String defaultLanguage) {
        Map<String, String> texts = messages == null ? null : messages.get(kind);
        if (texts == null || texts.isEmpty()) {
            return Optional.empty();
        }
        for (String language : candidates(normalize(requestedLanguage), normalize(defaultLanguage))) {
            String text = texts.get(language);
            if (text != null && !text.isBlank()) {
                return Optional.of(new Resolved(language, text));
            }
        }
        return Optional.empty();
    }

    /** "es-ES", "PT_br", "en" → es, pt, en; anything else → null. */
    public static String normalize(String language) {
        if (language == null || language.length() < 2) {
            return null;
        }
        String code = language.substring(0, 2).toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(code) ? code : null;
    }

    private static List<String> candidates(String requested, String fallback) {
        java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
        if (requested != null) {
            order.add(requested);
        }
        if (fallback != null) {
            order.add(fallback);
        }
        order.addAll(LANGUAGES);
        return List.copyOf(order);
    }
}
