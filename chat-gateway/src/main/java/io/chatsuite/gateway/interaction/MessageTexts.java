package io.chatsuite.gateway.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks a campaign's configured text for a customer (DESIGN.md, "Messages"): the customer's language, else the
 * campaign's default language, else any configured language (es, en, pt first, for a stable choice).
 */
public final class MessageTexts {

    public static final Set<String> LANGUAGES = Set.of("es", "en", "pt");
    private static final List<String> PREFERENCE = List.of("es", "en", "pt");

    private MessageTexts() {
    }

    /** A text and the language it is written in. */
    public record Text(String language, String text) {
    }

    public static Optional<Text> pick(Map<String, Map<String, String>> messages, String kind, String language,
            String defaultLanguage) {
        Map<String, String> byLanguage = messages == null ? null : messages.get(kind);
        if (byLanguage == null || byLanguage.isEmpty()) {
            return Optional.empty();
        }
        List<String> order = new ArrayList<>();
        order.add(language);
        order.add(defaultLanguage);
        order.addAll(PREFERENCE);
        byLanguage.keySet().stream().sorted().forEach(order::add);
        for (String candidate : order) {
            String text = candidate == null ? null : byLanguage.get(candidate);
            if (text != null && !text.isBlank()) {
                return Optional.of(new Text(candidate, text));
            }
        }
        return Optional.empty();
    }

    /**
     * The customer's language from what the widget sent ("en", "pt-BR", "ES"), or null when it is none of the
     * suite's languages.
     */
    public static String normalizeLanguage(String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        String primary = requested.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGES.contains(primary) ? primary : null;
    }

    /** The session's language: the customer's when supported, else the campaign's default. */
    public static String sessionLanguage(String requested, String campaignDefault) {
        String language = normalizeLanguage(requested);
        if (language != null) {
            return language;
        }
        String fallback = normalizeLanguage(campaignDefault);
        return fallback != null ? fallback : "es";
    }
}
