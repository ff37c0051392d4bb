package io.chatsuite.routing.servicelevel.service;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.ScheduleRules;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.routing.servicelevel.CampaignIntervalCounts;
import io.chatsuite.routing.servicelevel.Counts;
import io.chatsuite.routing.servicelevel.Intervals;
import io.chatsuite.routing.servicelevel.ServiceLevels;
import io.chatsuite.routing.servicelevel.StaffingHint;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevel;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevelDetail;
import io.chatsuite.routing.servicelevel.config.ServiceLevelConfig;
import io.chatsuite.routing.servicelevel.repository.DashboardQueries;
import io.chatsuite.routing.support.Times;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes a campaign's dashboard from the raw interval counts, its queue and its agents, when read. */
@ApplicationScoped
public class ServiceLevelService {

    private static final Duration LAST_HOUR = Duration.ofMinutes(45);
    private static final Duration ARRIVAL_WINDOW = Duration.ofHours(1);

    private final DashboardQueries queries;
    private final ServiceLevelConfig config;
    private final Clock clock;

    public ServiceLevelService(DashboardQueries queries, ServiceLevelConfig config, Clock clock) {
        this.queries = queries;
        this.config = config;
        this.clock = clock;
    }

    /** Live figures of each campaign, by its own formula unless {@code formula} overrides it. */
    public Uni<List<CampaignServiceLevel>> live(List<CampaignUpserted> campaigns, ServiceLevelFormula formula) {
        return Multi.createFrom()
                .iterable(campaigns)
                .onItem()
                .transformToUniAndConcatenate(c -> detail(c, formula, null))
                .map(CampaignServiceLevelDetail::live)
                .collect()
                .asList();
    }

    /**
     * The campaign's dashboard: live figures, the intervals of {@code date} (today in the campaign's zone when
     * null) and its member agents. {@code formula} null means the campaign's own.
     */
    public Uni<CampaignServiceLevelDetail> detail(
            CampaignUpserted campaign, ServiceLevelFormula formula, LocalDate date) {
        ServiceLevelFormula f = formula != null ? formula : campaign.serviceLevelFormula();
        Instant now = Times.now(clock);
        ZoneId zone = zone(campaign);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate day = date == null ? today : date;
        List<String> members = campaign.agentMembers() == null
                ? List.of()
                : campaign.agentMembers().stream().distinct().sorted().toList();
        // Today's intervals and those of the last hour (which, just after midnight, began yesterday) in one read.
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant recentFrom = Intervals.start(now.minus(ARRIVAL_WINDOW));
        Uni<List<CampaignIntervalCounts>> recent = queries.intervals(
                        campaign.campaignId(),
                        recentFrom.isBefore(dayStart) ? recentFrom : dayStart,
                        today.plusDays(1).atStartOfDay(zone).toInstant())
                .memoize()
                .indefinitely();
        Uni<List<CampaignIntervalCounts>> chart = day.equals(today)
                ? recent.map(all ->
                        all.stream().filter(i -> !i.start().isBefore(dayStart)).toList())
                : day(campaign, day);
        return Uni.combine()
                .all()
                .unis(
                        recent,
                        chart,
                        queries.queue(campaign.campaignId()),
                        queries.agents(members),
                        queries.handleTime(
                                campaign.campaignId(), now.minus(config.handleTimeWindow()), config.handleTimeSample()))
                .with((recentIntervals, dayIntervals, queue, agentRows, handleTime) -> {
                    List<CampaignServiceLevelDetail.AgentState> agents = agentStates(members, agentRows);
                    CampaignServiceLevel live =
                            live(campaign, f, now, dayStart, recentIntervals, queue, agents, handleTime);
                    List<CampaignServiceLevelDetail.Interval> intervals = dayIntervals.stream()
                            .map(i -> new CampaignServiceLevelDetail.Interval(
                                    i.start(),
                                    i.start().plus(Intervals.LENGTH),
                                    i.counts(),
                                    ServiceLevels.percent(f, i.counts())))
                            .toList();
                    return new CampaignServiceLevelDetail(
                            live,
                            day,
                            zone.getId(),
                            day.atStartOfDay(zone).toInstant(),
                            day.plusDays(1).atStartOfDay(zone).toInstant(),
                            intervals,
                            agents);
                });
    }

    private CampaignServiceLevel live(
            CampaignUpserted campaign,
            ServiceLevelFormula formula,
            Instant now,
            Instant dayStart,
            List<CampaignIntervalCounts> recentIntervals,
            DashboardQueries.Queue queue,
            List<CampaignServiceLevelDetail.AgentState> agents,
            DashboardQueries.HandleTime handleTime) {
        Instant lastHourFrom = Intervals.start(now).minus(LAST_HOUR);
        Counts today = Counts.sum(recentIntervals.stream()
                .filter(i -> !i.start().isBefore(dayStart))
                .map(CampaignIntervalCounts::counts)
                .toList());
        Counts lastHour = Counts.sum(recentIntervals.stream()
                .filter(i -> !i.start().isBefore(lastHourFrom))
                .map(CampaignIntervalCounts::counts)
                .toList());
        long longestWait = queue.oldestQueuedAt() == null
                ? 0
                : Math.max(0, Duration.between(queue.oldestQueuedAt(), now).toSeconds());
        int available = (int) agents.stream()
                .filter(a -> a.status() == PresenceStatus.AVAILABLE && a.active() == 0)
                .count();
        int busy = (int) agents.stream().filter(a -> a.active() > 0).count();
        long arrivals = Math.round(Intervals.offeredWithin(recentIntervals, now, ARRIVAL_WINDOW));
        return new CampaignServiceLevel(
                campaign.campaignId(),
                campaign.name(),
                campaign.securityGroup(),
                campaign.strategy(),
                campaign.serviceLevelSeconds(),
                formula,
                config.targetPercent(),
                ServiceLevels.percent(formula, today),
                ServiceLevels.percent(formula, lastHour),
                today,
                lastHour,
                queue.waiting(),
                longestWait,
                queue.oldestQueuedAt(),
                available,
                busy,
                staffing(campaign, agents, arrivals, handleTime),
                now);
    }

    private StaffingHint staffing(
            CampaignUpserted campaign,
            List<CampaignServiceLevelDetail.AgentState> agents,
            long arrivalsLastHour,
            DashboardQueries.HandleTime handleTime) {
        boolean measured = handleTime.ended() > 0 && handleTime.averageSeconds() != null;
        double handle = measured
                ? Math.max(1.0, handleTime.averageSeconds())
                : config.defaultHandleTime().toSeconds();
        // Agents holding several chats are several servers; their mean capacity is the concurrency factor.
        double concurrency = agents.stream()
                .mapToInt(CampaignServiceLevelDetail.AgentState::capacity)
                .filter(c -> c > 0)
                .average()
                .orElse(config.defaultConcurrency());
        return StaffingHint.of(
                arrivalsLastHour,
                handle,
                measured,
                concurrency,
                Math.max(1, campaign.serviceLevelSeconds()),
                config.targetPercent());
    }

    private List<CampaignServiceLevelDetail.AgentState> agentStates(
            List<String> members, List<DashboardQueries.AgentRow> rows) {
        Map<String, DashboardQueries.AgentRow> byId =
                rows.stream().collect(Collectors.toMap(DashboardQueries.AgentRow::id, Function.identity()));
        return members.stream()
                .map(id -> {
                    DashboardQueries.AgentRow a = byId.get(id);
                    // A member routing never heard from has never connected: offline, empty-handed.
                    return a == null
                            ? new CampaignServiceLevelDetail.AgentState(
                                    id, null, PresenceStatus.OFFLINE, 0, config.defaultConcurrency())
                            : new CampaignServiceLevelDetail.AgentState(
                                    id, a.displayName(), a.status(), a.active(), a.capacity());
                })
                .toList();
    }

    /** The intervals of one calendar day in the campaign's zone (the last one of a DST day included). */
    private Uni<List<CampaignIntervalCounts>> day(CampaignUpserted campaign, LocalDate date) {
        ZoneId zone = zone(campaign);
        return queries.intervals(
                campaign.campaignId(),
                date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static ZoneId zone(CampaignUpserted campaign) {
        return ScheduleRules.zone(
                campaign.schedule() == null ? null : campaign.schedule().timezone());
    }
}
