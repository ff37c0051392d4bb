package io.chatsuite.campaigns.campaign.api;

import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.Strategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A campaign as the console reads it. */
public record CampaignResponse(
        String id,
        long version,
        String name,
        String securityGroup,
        Strategy strategy,
        int serviceLevelSeconds,
        String defaultLanguage,
        Schedule schedule,
        Map<String, Map<String, String>> messages,
        List<String> agentMembers,
        List<String> allowedOrigins,
        Instant createdAt,
        Instant updatedAt) {
}
