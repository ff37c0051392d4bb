package io.chatsuite.campaigns.campaign;

import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import java.util.List;
import java.util.Map;

/**
 * The parts of a campaign stored as one JSON document. Fields added after the first version read as their
 * defaults from older rows.
 */
public record CampaignSettings(
        Schedule schedule,
        Map<String, Map<String, String>> messages,
        List<String> allowedOrigins,
        ServiceLevelFormula serviceLevelFormula,
        Integer shortAbandonSeconds,
        Integer maxWaiting,
        Boolean allowAudio,
        Boolean allowVideo,
        Boolean offlineMessagesEnabled) {

    public CampaignSettings {
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        serviceLevelFormula =
                serviceLevelFormula == null ? ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS : serviceLevelFormula;
        shortAbandonSeconds =
                shortAbandonSeconds == null ? CampaignUpserted.DEFAULT_SHORT_ABANDON_SECONDS : shortAbandonSeconds;
        maxWaiting = maxWaiting == null ? CampaignUpserted.DEFAULT_MAX_WAITING : maxWaiting;
        allowAudio = Boolean.TRUE.equals(allowAudio);
        allowVideo = Boolean.TRUE.equals(allowVideo);
        offlineMessagesEnabled = Boolean.TRUE.equals(offlineMessagesEnabled);
    }
}
