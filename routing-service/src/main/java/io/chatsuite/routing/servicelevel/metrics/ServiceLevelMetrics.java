package io.chatsuite.routing.servicelevel.metrics;

import io.chatsuite.routing.servicelevel.api.CampaignServiceLevel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer gauges per campaign (tag {@code campaign}) over the latest computed figures: SL% today, waiting,
 * longest wait, agents available and busy. The longest wait is computed when scraped, so it keeps growing
 * between changes.
 */
@ApplicationScoped
public class ServiceLevelMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, CampaignServiceLevel> latest = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

    public ServiceLevelMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void update(CampaignServiceLevel live) {
        latest.put(live.campaignId(), live);
        meters.computeIfAbsent(live.campaignId(), this::register);
    }

    public void remove(String campaignId) {
        latest.remove(campaignId);
        List<Meter> gone = meters.remove(campaignId);
        if (gone != null) {
            gone.forEach(registry::remove);
        }
    }

    private List<Meter> register(String campaignId) {
        Tags tags = Tags.of("campaign", campaignId);
        List<Meter> m = new ArrayList<>();
        m.add(gauge(
                "chat.service.level.today",
                "Service level today (percent, the campaign's formula); NaN " + "while nothing counts",
                "percent",
                tags,
                campaignId,
                l -> l.serviceLevelToday() == null ? Double.NaN : l.serviceLevelToday()));
        m.add(gauge(
                "chat.queue.waiting",
                "Interactions waiting in the campaign's queue",
                null,
                tags,
                campaignId,
                CampaignServiceLevel::waiting));
        m.add(gauge(
                "chat.queue.longest.wait",
                "Wait of the longest-waiting interaction",
                "seconds",
                tags,
                campaignId,
                l -> l.oldestQueuedAt() == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(l.oldestQueuedAt(), clock.instant())
                                                .toMillis()
                                        / 1000.0)));
        m.add(gauge(
                "chat.agents.available",
                "Member agents available and holding no interaction",
                null,
                tags,
                campaignId,
                CampaignServiceLevel::agentsAvailable));
        m.add(gauge(
                "chat.agents.busy",
                "Member agents holding at least one interaction",
                null,
                tags,
                campaignId,
                CampaignServiceLevel::agentsBusy));
        return m;
    }

    private Meter gauge(
            String name,
            String description,
            String unit,
            Tags tags,
            String campaignId,
            ToDoubleFunction<CampaignServiceLevel> value) {
        return Gauge.builder(name, latest, map -> {
                    CampaignServiceLevel l = map.get(campaignId);
                    return l == null ? Double.NaN : value.applyAsDouble(l);
                })
                .description(description)
                .baseUnit(unit)
                .tags(tags)
                .register(registry);
    }
}
