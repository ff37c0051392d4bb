package io.chatsuite.routing.servicelevel.api;

import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.servicelevel.Counts;
import io.chatsuite.routing.servicelevel.StaffingHint;
import java.time.Instant;

/**
 * A campaign's live figures for the supervisor dashboard. Service levels are percentages by the campaign's
 * formula (null when nothing counts yet); "today" is the calendar day in the campaign's time zone, "last hour"
 * the current quarter hour and the three before it. Agents are counted among the campaign's members:
 * available = available and holding nothing, busy = holding at least one interaction.
 *
 * @param oldestQueuedAt when the longest-waiting customer was queued (clients tick the longest wait from it)
 * @param at when these figures were computed
 */
public record CampaignServiceLevel(
        String campaignId,
        String name,
        String securityGroup,
        Strategy strategy,
        int serviceLevelSeconds,
        ServiceLevelFormula formula,
        int targetPercent,
        Double serviceLevelToday,
        Double serviceLevelLastHour,
        Counts today,
        Counts lastHour,
        int waiting,
        long longestWaitSeconds,
        Instant oldestQueuedAt,
        int agentsAvailable,
        int agentsBusy,
        StaffingHint staffing,
        Instant at) {

    /** The same figures with the clock-driven fields blanked: equal when nothing but time changed. */
    public CampaignServiceLevel withoutClock() {
        return new CampaignServiceLevel(
                campaignId,
                name,
                securityGroup,
                strategy,
                serviceLevelSeconds,
                formula,
                targetPercent,
                serviceLevelToday,
                serviceLevelLastHour,
                today,
                lastHour,
                waiting,
                0,
                oldestQueuedAt,
                agentsAvailable,
                agentsBusy,
                staffing,
                null);
    }
}
