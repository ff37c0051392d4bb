package io.chatsuite.routing.servicelevel.service;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevelDetail;
import io.chatsuite.routing.servicelevel.api.DashboardEvent;
import io.chatsuite.routing.servicelevel.config.ServiceLevelConfig;
import io.chatsuite.routing.servicelevel.messaging.ServiceLevelPublisher;
import io.chatsuite.routing.servicelevel.metrics.ServiceLevelMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps every campaign's dashboard current and announces changes. Anything that may change a campaign's figures
 * marks it dirty; at most every push interval the dirty campaigns are recomputed, and those whose figures really
 * changed are pushed to dashboard streams, published on {@code service-levels} and reflected in the gauges. A
 * periodic refresh marks every campaign, for figures that move with the clock (last hour, a new day) and for any
 * hint that was missed.
 */
@ApplicationScoped
public class ServiceLevelMonitor {

    private static final Logger LOG = Logger.getLogger(ServiceLevelMonitor.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    // Presence is applied to the database by another consumer of the same event: look again after it has been.
    private static final long SETTLE_MILLIS = 1000;

    private final ServiceLevelService service;
    private final Campaigns campaigns;
    private final CampaignDirectory directory;
    private final ServiceLevelPublisher publisher;
    private final ServiceLevelMetrics metrics;
    private final ServiceLevelConfig config;
    private final Vertx vertx;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final Map<String, CampaignServiceLevelDetail> latest = new ConcurrentHashMap<>();
    private final BroadcastProcessor<CampaignServiceLevelDetail> changes = BroadcastProcessor.create();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private volatile boolean running;

    public ServiceLevelMonitor(
            ServiceLevelService service,
            Campaigns campaigns,
            CampaignDirectory directory,
            ServiceLevelPublisher publisher,
            ServiceLevelMetrics metrics,
            ServiceLevelConfig config,
            Vertx vertx) {
        this.service = service;
        this.campaigns = campaigns;
        this.directory = directory;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        directory.onChange(c -> changed(c.campaignId()));
        vertx.setPeriodic(config.pushInterval().toMillis(), id -> flush());
        vertx.setPeriodic(config.refreshInterval().toMillis(), id -> {
            directory.all().forEach(c -> dirty.add(c.campaignId()));
            dirty.addAll(latest.keySet()); // deleted campaigns: their gauges go
        });
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        changes.onComplete();
    }

    /** Something about the campaign changed (an interaction's state, a counter, the campaign itself). */
    public void changed(String campaignId) {
        if (campaignId != null) {
            dirty.add(campaignId);
        }
    }

    /** Something about the agent changed (presence, capacity): every campaign it is a member of may show it. */
    public void agentChanged(String agentId) {
        List<String> ofAgent = campaigns.ofAgent(agentId);
        dirty.addAll(ofAgent);
        vertx.setTimer(SETTLE_MILLIS, id -> dirty.addAll(ofAgent));
    }

    /**
     * The dashboards of the campaigns of {@code groups}: each one now, then each change, with a heartbeat
     * in between.
     */
    public Multi<DashboardEvent> stream(Set<String> groups) {
        List<CampaignUpserted> visible = campaigns.inGroups(groups);
        Multi<DashboardEvent> now = Multi.createFrom()
                .iterable(visible)
                .onItem()
                .transformToUniAndConcatenate(
                        c -> service.detail(c, null, null).onFailure().recoverWithNull())
                .map(DashboardEvent::of);
        Multi<DashboardEvent> later =
                changes.filter(d -> groups.contains(d.live().securityGroup())).map(DashboardEvent::of);
        Multi<DashboardEvent> heartbeats =
                Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> DashboardEvent.heartbeat());
        return Multi.createBy()
                .concatenating()
                .streams(now, Multi.createBy().merging().streams(later, heartbeats));
    }

    /** The latest figures computed for a campaign, if any (for tests and diagnostics). */
    public CampaignServiceLevelDetail latest(String campaignId) {
        return latest.get(campaignId);
    }

    /** Recomputes the dirty campaigns now; one flush at a time. */
    void flush() {
        if (!running || dirty.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<String> batch = List.copyOf(dirty);
        batch.forEach(dirty::remove);
        Multi.createFrom()
                .iterable(batch)
                .onItem()
                .transformToUniAndConcatenate(id -> recompute(id)
                        .onFailure()
                        .invoke(e -> {
                            LOG.warnf("Service level of campaign %s not recomputed (%s); retrying", id, e.toString());
                            dirty.add(id);
                        })
                        .onFailure()
                        .recoverWithNull())
                .collect()
                .last()
                .eventually(() -> flushing.set(false))
                .subscribe()
                .with(ok -> {}, e -> LOG.warnf("Service-level flush failed: %s", e.toString()));
    }

    private Uni<Void> recompute(String campaignId) {
        var campaign = campaigns.find(campaignId);
        if (campaign.isEmpty()) {
            latest.remove(campaignId);
            metrics.remove(campaignId);
            return Uni.createFrom().voidItem();
        }
        return service.detail(campaign.get(), null, null).chain(detail -> {
            metrics.update(detail.live());
            CampaignServiceLevelDetail before = latest.put(campaignId, detail);
            if (before != null && before.withoutClock().equals(detail.withoutClock())) {
                return Uni.createFrom().voidItem();
            }
            changes.onNext(detail);
            if (!config.publish()) {
                return Uni.createFrom().voidItem();
            }
            return publisher.publish(detail).onFailure().invoke(e -> {
                // The snapshot is derived state: publish again with the next recompute.
                latest.remove(campaignId);
                LOG.warnf("Service-level snapshot of %s not published: %s", campaignId, e.toString());
            });
        });
    }
}
