package io.chatsuite.routing.servicelevel.messaging;

import io.chatsuite.events.EventCodec;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.servicelevel.IntervalCounts;
import io.chatsuite.events.servicelevel.ServiceLevelUpdated;
import io.chatsuite.routing.servicelevel.Counts;
import io.chatsuite.routing.servicelevel.Intervals;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevel;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevelDetail;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes a campaign's service-level snapshot on the compacted {@code service-levels} topic (key campaignId).
 * Produced directly (idempotent producer, acks=all), not through the outbox: a snapshot changes no database
 * row, is recomputed from the counters at any time, and the next change or refresh supersedes it (ADR 008).
 */
@ApplicationScoped
public class ServiceLevelPublisher {

    static final String SOURCE = "/routing-service";

    private final MutinyEmitter<String> emitter;

    public ServiceLevelPublisher(@Channel("service-levels") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(CampaignServiceLevelDetail detail) {
        ServiceLevelUpdated snapshot = snapshot(detail);
        String payload = EventCodec.encode(EventCodec.wrap(SOURCE, snapshot.campaignId(), snapshot));
        return emitter.sendMessage(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(snapshot.campaignId())
                        .build()));
    }

    /** The contract's snapshot of a campaign's figures. */
    public static ServiceLevelUpdated snapshot(CampaignServiceLevelDetail detail) {
        CampaignServiceLevel live = detail.live();
        Instant dayStart = detail.dayStart();
        Instant dayEnd = detail.dayEnd();
        Instant hourStart = Intervals.start(live.at()).minus(Intervals.LENGTH.multipliedBy(3));
        Instant hourEnd = Intervals.start(live.at()).plus(Intervals.LENGTH);
        ServiceLevelFormula formula = live.formula();
        return new ServiceLevelUpdated(
                live.campaignId(),
                formula,
                live.serviceLevelSeconds(),
                counts(dayStart, dayEnd, live.today()),
                counts(hourStart, hourEnd, live.lastHour()),
                live.serviceLevelToday(),
                live.serviceLevelLastHour(),
                live.waiting(),
                live.longestWaitSeconds(),
                live.agentsAvailable(),
                live.agentsBusy(),
                live.staffing() == null ? null : live.staffing().agentsNeeded(),
                live.at());
    }

    private static IntervalCounts counts(Instant from, Instant to, Counts c) {
        return new IntervalCounts(
                from,
                to,
                c.offered(),
                c.answeredWithin(),
                c.answeredAfter(),
                c.abandonedShort(),
                c.abandonedWithin(),
                c.abandonedAfter());
    }
}
