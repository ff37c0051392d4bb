package io.chatsuite.events.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Full snapshot of a campaign after a change; the latest one per campaign id is all a consumer needs.
 *
 * @param messages message kind (welcome, outOfHours, notAvailable, agentAutomatic, offline, comments) to
 *                 language (es, en, pt) to text
 * @param maxWaiting the most interactions that may wait in the queue; a new one beyond it is rejected
 * @param shortAbandonSeconds a customer who leaves the queue within this time is a short abandon
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
        Instant updatedAt,
        ServiceLevelFormula serviceLevelFormula,
        int shortAbandonSeconds,
        int maxWaiting,
        boolean allowAudio,
        boolean allowVideo,
        boolean offlineMessagesEnabled) {

    public static final int DEFAULT_SHORT_ABANDON_SECONDS = 5;
    public static final int DEFAULT_MAX_WAITING = 50;

    public CampaignUpserted {
        serviceLevelFormula =
                serviceLevelFormula == null ? ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS : serviceLevelFormula;
        shortAbandonSeconds = shortAbandonSeconds <= 0 ? DEFAULT_SHORT_ABANDON_SECONDS : shortAbandonSeconds;
        maxWaiting = maxWaiting <= 0 ? DEFAULT_MAX_WAITING : maxWaiting;
    }

    /** A snapshot with the defaults for everything the first version of the contract did not carry. */
    public CampaignUpserted(
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
        this(
                campaignId,
                version,
                name,
                securityGroup,
                strategy,
                serviceLevelSeconds,
                defaultLanguage,
                schedule,
                messages,
                agentMembers,
                allowedOrigins,
                updatedAt,
                null,
                0,
                0,
                false,
                false,
                false);
    }
}
