package io.chatsuite.gateway.interaction;

import java.util.Map;

/**
 * Notices the suite itself writes into a chat, in the customer's language (es, en, pt), for situations a
 * campaign has no configurable message for.
 */
public final class SystemNotices {

    /** The {@code system} frame kind of the notice that a chat was closed because the customer left. */
    public static final String CUSTOMER_LEFT = "customerLeft";

    private static final Map<String, String> CUSTOMER_LEFT_TEXTS = Map.of(
            "es", "El cliente ha salido del chat y la conversación se ha cerrado.",
            "en", "The customer left the chat, so the conversation was closed.",
            "pt", "O cliente saiu do chat e a conversa foi encerrada.");

    private SystemNotices() {}

    /** A notice and the language it is written in. */
    public record Notice(String language, String text) {}

    public static Notice customerLeft(String language) {
        String lang = CUSTOMER_LEFT_TEXTS.containsKey(language) ? language : "en";
        return new Notice(lang, CUSTOMER_LEFT_TEXTS.get(lang));
    }
}
