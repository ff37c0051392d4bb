package io.chatsuite.campaigns.campaign.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The text a customer would see for one message kind in one language, after the fallback rule. */
@Schema(name = "MessagePreview", example = """
        {"kind":"welcome","requestedLanguage":"pt","language":"es","text":"¡Hola!","fallback":true}""")
public record MessagePreview(
        String kind,
        String requestedLanguage,
        String language,
        String text,

        @Schema(description = "true when the text is not in the requested language")
        boolean fallback) {}
