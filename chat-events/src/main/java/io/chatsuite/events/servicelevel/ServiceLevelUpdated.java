package io.chatsuite.events.servicelevel;

import io.chatsuite.events.campaign.ServiceLevelFormula;
import java.time.Instant;

/**
 * A campaign's service level now: raw counts of today and the last hour, the percentage by the campaign's
 * formula (null when nothing counts yet), the live queue and agents, and the staffing hint. Compacted by
 * campaign id: the latest snapshot is the state.
 */
public record ServiceLevelUpdated(
        String campaignId,
        ServiceLevelFormula formula,
        int thresholdSeconds,
        IntervalCounts today,
        IntervalCounts lastHour,
        Double todayPercent,
        Double lastHourPercent,
        int waiting,
        long longestWaitSeconds,
        int agentsAvailable,
        int agentsBusy,
        Integer agentsNeeded,
        Instant at) {}
