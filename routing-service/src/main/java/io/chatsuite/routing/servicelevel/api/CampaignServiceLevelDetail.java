package io.chatsuite.routing.servicelevel.api;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.routing.servicelevel.Counts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign's dashboard: live figures, the 15-minute intervals of one day (for the chart) and its agents.
 *
 * @param dayStart start of {@code date} in the campaign's zone ({@code dayEnd} its end; 23 or 25 h on DST days)
 */
public record CampaignServiceLevelDetail(
        CampaignServiceLevel live,
        LocalDate date,
        String timezone,
        Instant dayStart,
        Instant dayEnd,
        List<Interval> intervals,
        List<AgentState> agents) {

    public record Interval(Instant start, Instant end, Counts counts, Double serviceLevel) {}

    public record AgentState(String id, String name, PresenceStatus status, int active, int capacity) {}

    /** The same dashboard with the clock-driven fields blanked: equal when nothing but time changed. */
    public CampaignServiceLevelDetail withoutClock() {
        return new CampaignServiceLevelDetail(live.withoutClock(), date, timezone, dayStart, dayEnd, intervals, agents);
    }
}
