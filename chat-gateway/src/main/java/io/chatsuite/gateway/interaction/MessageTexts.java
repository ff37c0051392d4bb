package io.chatsuite.gateway.interaction;

import io.chatsuite.events.campaign.MessageCatalog;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's access to a campaign's texts. The fallback rule itself is the suite's one
 * {@link MessageCatalog} (customer's language, campaign default, any configured one); this class only adds the
 * session's language choice.
 */
public final class MessageTexts {

    private MessageTexts() {}

    /** A text and the language it is written in. */
    public record Text(String language, String text) {}

    public static Optional<Text> pick(
            Map<String, Map<String, String>> messages, String kind, String language, String defaultLanguage) {
        return MessageCatalog.resolve(messages, kind, language, defaultLanguage)
                .map(r -> new Text(r.language(), r.text()));
    }

    /**
     * The customer's language from what the widget sent ("en", "pt-BR", "ES"), or null when it is none of the
     * suite's languages.
     */
    public static String normalizeLanguage(String requested) {
        return requested == null ? null : MessageCatalog.normalize(requested.strip());
    }

    /** The session's language: the customer's when supported, else the campaign's default, else es. */
    public static String sessionLanguage(String requested, String campaignDefault) {
        String language = normalizeLanguage(requested);
        if (language != null) {
            return language;
        }
        String fallback = normalizeLanguage(campaignDefault);
        return fallback != null ? fallback : MessageCatalog.LANGUAGES.get(0);
    }
}
