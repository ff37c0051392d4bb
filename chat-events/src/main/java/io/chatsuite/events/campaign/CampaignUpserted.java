package io.chatsuite.events.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Full snapshot of a campaign after a change; the latest one per campaign id is all a consumer needs.
 *
 * @param messages message kind (welcome, outOfHours, notAvailable, agentAutomatic, offline, comments) to
 *                 language (es, en, pt) to text
 */
public record CampaignUpserted(
        String campaignId,
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
        Instant updatedAt) {
}
