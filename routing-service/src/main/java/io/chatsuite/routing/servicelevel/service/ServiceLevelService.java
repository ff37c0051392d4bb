package io.chatsuite.routing.servicelevel.service;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.agent.Agent;
import io.chatsuite.routing.agent.repository.AgentRepository;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.chatsuite.routing.schedule.OpeningHours;
import io.chatsuite.routing.servicelevel.Counts;
import io.chatsuite.routing.servicelevel.IntervalCounts;
import io.chatsuite.routing.servicelevel.Intervals;
import io.chatsuite.routing.servicelevel.ServiceLevelFormula;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevel;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevelDetail;
import io.chatsuite.routing.servicelevel.repository.ServiceLevelRepository;
import io.chatsuite.routing.support.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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

/** Computes the supervisor dashboard from the raw interval counts, the queues and the agents, when read. */
@ApplicationScoped
public class ServiceLevelService {

    private static final Duration LAST_HOUR = Duration.ofMinutes(45);

    private final ServiceLevelRepository serviceLevels;
    private final InteractionRepository interactions;
    private final AgentRepository agents;
    private final RoutingConfig config;
    private final Clock clock;

    public ServiceLevelService(ServiceLevelRepository serviceLevels, InteractionRepository interactions,
            AgentRepository agents, RoutingConfig config, Clock clock) {
        this.serviceLevels = serviceLevels;
        this.interactions = interactions;
        this.agents = agents;
        this.config = config;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<CampaignServiceLevel>> live(List<CampaignUpserted> campaigns, ServiceLevelFormula formula) {
        return Multi.createFrom().iterable(campaigns)
                .onItem().transformToUniAndConcatenate(c -> live(c, formula))
                .collect().asList();
    }

    @WithSession
    public Uni<CampaignServiceLevelDetail> detail(CampaignUpserted campaign, ServiceLevelFormula formula,
            LocalDate date) {
        ZoneId zone = zone(campaign);
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        return live(campaign, formula).chain(live -> day(campaign, day)
                .chain(intervals -> memberAgents(campaign).map(members -> new CampaignServiceLevelDetail(live, day,
                        zone.getId(), intervals.stream().map(i -> new CampaignServiceLevelDetail.Interval(i.start(),
                                i.start().plus(Intervals.LENGTH), i.counts(), formula.percent(i.counts()))).toList(),
                        members))));
    }

    private Uni<CampaignServiceLevel> live(CampaignUpserted campaign, ServiceLevelFormula formula) {
        Instant now = Times.now(clock);
        Instant lastHourFrom = Intervals.start(now).minus(LAST_HOUR);
        LocalDate today = LocalDate.now(clock.withZone(zone(campaign)));
        return day(campaign, today).chain(intervals -> interactions.waiting(campaign.campaignId())
                .chain(waiting -> memberAgents(campaign).map(members -> {
                    Counts todayCounts = Counts.sum(intervals.stream().map(IntervalCounts::counts).toList());
                    Counts lastHour = Counts.sum(intervals.stream().filter(i -> !i.start().isBefore(lastHourFrom))
                            .map(IntervalCounts::counts).toList());
                    long longestWait = waiting.isEmpty() ? 0
                            : Math.max(0, Duration.between(waiting.get(0).queuedAt, now).toSeconds());
                    int available = (int) members.stream()
                            .filter(a -> a.status() == PresenceStatus.AVAILABLE && a.active() == 0).count();
                    int busy = (int) members.stream().filter(a -> a.active() > 0).count();
                    return new CampaignServiceLevel(campaign.campaignId(), campaign.name(), campaign.securityGroup(),
                            campaign.strategy(), campaign.serviceLevelSeconds(), formula,
                            formula.percent(todayCounts), formula.percent(lastHour), todayCounts, waiting.size(),
                            longestWait, available, busy);
                })));
    }

    /** The intervals of one calendar day in the campaign's zone (the last one of a DST day included). */
    private Uni<List<IntervalCounts>> day(CampaignUpserted campaign, LocalDate date) {
        ZoneId zone = zone(campaign);
        return serviceLevels.intervals(List.of(campaign.campaignId()), date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private Uni<List<CampaignServiceLevelDetail.AgentState>> memberAgents(CampaignUpserted campaign) {
        List<String> members = campaign.agentMembers() == null ? List.of() : campaign.agentMembers();
        return agents.findAll(members).map(found -> {
            Map<String, Agent> byId = found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
            return members.stream().distinct().sorted().map(id -> {
                Agent a = byId.get(id);
                // A member routing never heard from has never connected: offline, empty-handed.
                return a == null
                        ? new CampaignServiceLevelDetail.AgentState(id, null, PresenceStatus.OFFLINE, 0,
                                config.agentCapacity())
                        : new CampaignServiceLevelDetail.AgentState(id, a.displayName, a.status, a.active, a.capacity);
            }).toList();
        });
    }

    private static ZoneId zone(CampaignUpserted campaign) {
        return OpeningHours.zone(campaign.schedule() == null ? null : campaign.schedule().timezone());
    }
}
