package io.chatsuite.routing.servicelevel.api;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.routing.servicelevel.Counts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A campaign's dashboard: live figures, the 15-minute intervals of one day (for the chart) and its agents. */
public record CampaignServiceLevelDetail(
        CampaignServiceLevel live,
        LocalDate date,
        String timezone,
        List<Interval> intervals,
        List<AgentState> agents) {

    public record Interval(Instant start, Instant end, Counts counts, Double serviceLevel) {
    }

    public record AgentState(String id, String name, PresenceStatus status, int active, int capacity) {
    }
}
