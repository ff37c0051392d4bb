package io.chatsuite.campaigns.campaign;

import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import java.util.List;
import java.util.Map;

/** A campaign's configuration after validation: typed, trimmed, defaults applied, members unique and sorted. */
public record CampaignDefinition(
        String name,
        String securityGroup,
        Strategy strategy,
        int serviceLevelSeconds,
        ServiceLevelFormula serviceLevelFormula,
        int shortAbandonSeconds,
        Schedule schedule,
        int maxWaiting,
        boolean allowAudio,
        boolean allowVideo,
        boolean offlineMessagesEnabled,
        List<String> allowedOrigins,
        String defaultLanguage,
        Map<String, Map<String, String>> messages,
        List<String> agentMembers) {}
