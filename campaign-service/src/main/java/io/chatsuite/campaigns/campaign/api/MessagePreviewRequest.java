package io.chatsuite.campaigns.campaign.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An unsaved form's messages, and which one to preview. */
@Schema(name = "MessagePreviewRequest", example = """
        {"messages":{"welcome":{"es":"¡Hola!","en":"Hi!"}},"defaultLanguage":"es","kind":"welcome","language":"pt"}""")
public record MessagePreviewRequest(
        Map<String, Map<String, String>> messages, String defaultLanguage, String kind, String language) {}
