package io.chatsuite.routing.engine;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.commons.outbox.OutboxRelay;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.mapping.InteractionEventFactory;
import io.chatsuite.routing.interaction.service.WaitEstimate;
import io.chatsuite.routing.offer.OpenOffer;
import io.chatsuite.routing.support.RaceRetry;
import io.chatsuite.routing.support.Times;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Tells waiting customers their new place when their queue moves, at most once per interval per queue (so a queue
 * that moves many times a second costs one event per customer per interval): each waiting interaction whose
 * position changed enough ({@link #worthAnnouncing}) gets a fresh {@code queued} event with an estimated wait,
 * followed by its current {@code offered} event if it is being offered. Each queue is announced in a transaction
 * of its own holding that queue's lock, so the routing engine waits for at most one queue's announcement. Queues
 * are marked by the batches that move them, and by the sweep (which also covers what a crash left unannounced).
 */
@ApplicationScoped
public class QueuePositions {

    private static final Logger LOG = Logger.getLogger(QueuePositions.class);
    static final int NEAR = 10;

    private final Set<String> due = ConcurrentHashMap.newKeySet();
    /** When each queue's far-back positions were last considered. */
    private final Map<String, Instant> farAnnounced = new ConcurrentHashMap<>();

    private final PgPool pool;
    private final OutboxRelay relay;
    private final Campaigns campaigns;
    private final RoutingConfig config;
    private final Clock clock;
    private volatile boolean stopping;

    public QueuePositions(PgPool pool, OutboxRelay relay, Campaigns campaigns, RoutingConfig config, Clock clock) {
        this.pool = pool;
        this.relay = relay;
        this.campaigns = campaigns;
        this.config = config;
        this.clock = clock;
    }

    /** The queues of {@code campaignIds} moved: their positions are announced at the next interval. */
    public void moved(Collection<String> campaignIds) {
        due.addAll(campaignIds);
    }

    @Scheduled(every = "${chat.routing.position-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announceDue() {
        if (stopping || due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = new ArrayList<>();
        for (String id : new TreeSet<>(due)) {
            if (due.remove(id)) {
                ids.add(id);
            }
        }
        // A transaction per queue: the routing engine waits for at most one queue's announcement, not all of them.
        return Multi.createFrom()
                .iterable(ids)
                .onItem()
                .transformToUniAndConcatenate(this::announce)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> announce(String campaignId) {
        List<String> ids = List.of(campaignId);
        return RaceRetry.retried(() -> pool.withTransaction(c -> announce(c, ids)))
                .invoke(n -> {
                    if (n > 0) {
                        relay.wakeNow();
                    }
                })
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf(
                            "Positions of %s not announced (%s); retrying at the next interval",
                            campaignId, e.toString());
                    due.add(campaignId);
                    return 0;
                })
                .replaceWithVoid();
    }

    /**
     * Announces the changed positions of the queues; the number of events written. Every waiting interaction's
     * place is read narrow (id, place told, place now); only those worth announcing are read whole.
     */
    private Uni<Integer> announce(SqlConnection c, List<String> campaignIds) {
        Instant now = Times.now(clock);
        return CampaignQueueStore.lockQueues(c, campaignIds, new HashSet<>())
                .chain(() -> InteractionStore.places(c, campaignIds))
                .chain(places -> {
                    // Places further back than the last ten are told at most once per far-position interval.
                    Set<String> farDue = new HashSet<>();
                    for (String id : campaignIds) {
                        Instant last = farAnnounced.get(id);
                        if (last == null || !now.isBefore(last.plus(config.farPositionInterval()))) {
                            farDue.add(id);
                            farAnnounced.put(id, now);
                        }
                    }
                    Map<String, Integer> due = new HashMap<>();
                    places.forEach(p -> {
                        if (worthAnnouncing(p.announced(), p.position(), farDue.contains(p.campaignId()))) {
                            due.put(p.interactionId(), p.position());
                        }
                    });
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.combine()
                            .all()
                            .unis(
                                    InteractionStore.interactions(c, due.keySet()),
                                    OfferStore.offers(c, campaignIds),
                                    InteractionStore.averageWaits(c, campaignIds, config.waitEstimateSamples()),
                                    available(c, campaignIds))
                            .asTuple()
                            .chain(read -> write(
                                    c, due, read.getItem1(), read.getItem2(), read.getItem3(), read.getItem4(), now));
                });
    }

    private Uni<Integer> write(
            SqlConnection c,
            Map<String, Integer> due,
            Map<String, Interaction> rows,
            List<OpenOffer> offers,
            Map<String, Double> averages,
            Set<String> available,
            Instant now) {
        Map<String, List<OpenOffer>> offersOf =
                offers.stream().collect(Collectors.groupingBy(OpenOffer::interactionId));
        List<Outbox.Keyed> events = new ArrayList<>();
        List<Interaction> announced = rows.values().stream()
                .sorted(Comparator.comparing((Interaction i) -> i.campaignId).thenComparing(i -> i.queueSeq))
                .toList();
        for (Interaction i : announced) {
            CampaignUpserted campaign = campaigns.find(i.campaignId).orElse(null);
            long agents = members(campaign).stream().filter(available::contains).count();
            int position = due.get(i.id);
            events.add(new Outbox.Keyed(
                    i.id,
                    InteractionEventFactory.queued(
                            i, position, WaitEstimate.seconds(averages.get(i.campaignId), position, agents))));
            List<OpenOffer> its = offersOf.get(i.id);
            if (its != null && campaign != null) {
                // Consumers take a queued event as "not offered any more": the open offer follows it again.
                List<String> agentIds = List.copyOf(
                        its.stream().map(OpenOffer::agentId).collect(Collectors.toCollection(TreeSet::new)));
                events.add(new Outbox.Keyed(
                        i.id,
                        InteractionEventFactory.offered(
                                i,
                                agentIds,
                                campaign.strategy(),
                                now,
                                QueueSettler.offerExpiry(campaign.strategy(), its, now))));
            }
        }
        List<String> ids = announced.stream().map(i -> i.id).toList();
        return InteractionStore.updateAnnouncedPositions(c, ids, due)
                .chain(() -> Outbox.addAll(c, events))
                .replaceWith(events.size());
    }

    /** The database pool closes during shutdown; what is still due is announced by the next sweep after a start. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Whether a customer told {@code announced} is told {@code position} now: always in the last {@value #NEAR}
     * places; further back only when {@code farDue} (at most once per far-position interval), and once they have
     * moved up a tenth of the way or more (a customer at 800 hears 720, 648, … rather than every step, which in a
     * busy queue would be hundreds of messages a minute).
     */
    static boolean worthAnnouncing(Integer announced, int position, boolean farDue) {
        if (announced == null) {
            return true;
        }
        if (announced == position) {
            return false;
        }
        return position <= NEAR || farDue && (position > announced || position * 10 <= announced * 9);
    }

    private Uni<Set<String>> available(SqlConnection c, List<String> campaignIds) {
        Set<String> members = new TreeSet<>();
        campaignIds.forEach(id -> members.addAll(members(campaigns.find(id).orElse(null))));
        return AgentStore.available(c, members);
    }

    private static List<String> members(CampaignUpserted campaign) {
        return campaign == null || campaign.agentMembers() == null ? List.of() : campaign.agentMembers();
    }
}
