package io.chatsuite.campaigns.campaign.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an administrator sends to create or replace a campaign. Values arrive as the console typed them and are
 * checked by {@code CampaignValidator}, so one answer names every bad field.
 */
@Schema(name = "CampaignRequest", example = """
        {"name":"Sales","securityGroup":"sales","strategy":"LONGEST_IDLE","serviceLevelSeconds":20,
         "serviceLevelFormula":"ANSWERED_PLUS_LATE_ABANDONS","shortAbandonSeconds":5,
         "schedule":{"timezone":"Europe/Madrid","weekly":[{"day":"MONDAY","start":"09:00","end":"18:00"}],
                     "exceptions":[{"date":"2025-12-25","closed":true,"ranges":[]}]},
         "maxWaiting":50,"allowAudio":true,"allowVideo":false,"offlineMessagesEnabled":true,
         "allowedOrigins":["https://www.example.com"],"defaultLanguage":"es",
         "messages":{"welcome":{"es":"¡Hola! ¿En qué podemos ayudarte?","en":"Hi! How can we help?"},
                     "outOfHours":{"es":"Estamos cerrados","en":"We are closed"}},
         "agentMembers":["alice","bob"]}""")
public record CampaignRequest(
        @Schema(
                required = true,
                minLength = 1,
                maxLength = 120,
                description = "unique within the security group, case-insensitive")
        String name,

        @Schema(required = true, description = "one of the caller's security groups")
        String securityGroup,

        @Schema(
                required = true,
                enumeration = {"RING_ALL", "LONGEST_IDLE", "LEAST_BUSY", "ROUND_ROBIN", "MANUAL"})
        String strategy,

        @Schema(required = true, minimum = "1", maximum = "3600")
        Integer serviceLevelSeconds,

        @Schema(
                enumeration = {
                    "ANSWERED_PLUS_LATE_ABANDONS",
                    "ANSWERED_ONLY",
                    "ALL_ABANDONS",
                    "EARLY_ABANDONS_AS_MET",
                    "OFFERED"
                },
                defaultValue = "ANSWERED_PLUS_LATE_ABANDONS")
        String serviceLevelFormula,

        @Schema(minimum = "1", maximum = "600", defaultValue = "5")
        Integer shortAbandonSeconds,

        ScheduleBody schedule,

        @Schema(minimum = "1", maximum = "1000", defaultValue = "50")
        Integer maxWaiting,

        @Schema(defaultValue = "false") Boolean allowAudio,
        @Schema(defaultValue = "false") Boolean allowVideo,
        @Schema(defaultValue = "false") Boolean offlineMessagesEnabled,

        @Schema(description = "widget origins, like https://www.example.com")
        List<String> allowedOrigins,

        @Schema(
                required = true,
                enumeration = {"es", "en", "pt"})
        String defaultLanguage,

        @Schema(
                description = "kind (welcome, outOfHours, notAvailable, agentAutomatic, offline, comments) → "
                        + "language (es, en, pt) → text (≤ 2000 characters)")
        Map<String, Map<String, String>> messages,

        @Schema(description = "agent usernames") List<String> agentMembers) {}
