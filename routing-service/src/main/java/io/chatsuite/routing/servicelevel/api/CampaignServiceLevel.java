package io.chatsuite.routing.servicelevel.api;

import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.servicelevel.Counts;
import io.chatsuite.routing.servicelevel.ServiceLevelFormula;

/**
 * A campaign's live figures for the supervisor dashboard. Service levels are percentages (null when nothing
 * counts yet); "today" is the calendar day in the campaign's time zone, "last hour" the current quarter hour and
 * the three before it. Agents are counted among the campaign's members: available = available and holding
 * nothing, busy = holding at least one interaction.
 */
public record CampaignServiceLevel(
        String campaignId,
        String name,
        String securityGroup,
        Strategy strategy,
        int serviceLevelSeconds,
        ServiceLevelFormula formula,
        Double serviceLevelToday,
        Double serviceLevelLastHour,
        Counts today,
        int waiting,
        long longestWaitSeconds,
        int agentsAvailable,
        int agentsBusy) {
}
