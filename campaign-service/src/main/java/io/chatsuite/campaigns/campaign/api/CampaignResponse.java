package io.chatsuite.campaigns.campaign.api;

import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign as the console reads it; the same shape as the request plus identity, version and times. */
@Schema(name = "Campaign", example = """
        {"id":"6f1c0e7a-3b0e-4d69-9c55-0a3c2f1d8e11","version":3,"name":"Sales","securityGroup":"sales",
         "strategy":"LONGEST_IDLE","serviceLevelSeconds":20,"serviceLevelFormula":"ANSWERED_PLUS_LATE_ABANDONS",
         "shortAbandonSeconds":5,
         "schedule":{"timezone":"Europe/Madrid","weekly":[{"day":"MONDAY","start":"09:00","end":"18:00"}],
                     "exceptions":[]},
         "maxWaiting":50,"allowAudio":true,"allowVideo":false,"offlineMessagesEnabled":true,
         "allowedOrigins":["https://www.example.com"],"defaultLanguage":"es",
         "messages":{"welcome":{"es":"¡Hola!","en":"Hi!"}},"agentMembers":["alice","bob"],
         "createdAt":"2025-05-01T10:00:00Z","updatedAt":"2025-05-02T08:30:00Z"}""")
public record CampaignResponse(
        String id,

        @Schema(description = "increases with every change; the ETag")
        long version,

        String name,
        String securityGroup,
        Strategy strategy,
        int serviceLevelSeconds,
        ServiceLevelFormula serviceLevelFormula,
        int shortAbandonSeconds,
        ScheduleBody schedule,
        int maxWaiting,
        boolean allowAudio,
        boolean allowVideo,
        boolean offlineMessagesEnabled,
        List<String> allowedOrigins,
        String defaultLanguage,
        Map<String, Map<String, String>> messages,
        @Schema(description = "agent usernames, sorted") List<String> agentMembers,
        Instant createdAt,
        Instant updatedAt) {}
