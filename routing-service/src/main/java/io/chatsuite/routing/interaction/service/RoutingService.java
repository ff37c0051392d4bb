package io.chatsuite.routing.interaction.service;

import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.routing.agent.repository.AgentRepository;
import io.chatsuite.routing.campaign.CampaignQueueLock;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.interaction.mapping.InteractionEvents;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.chatsuite.routing.offer.repository.OfferRepository;
import io.chatsuite.routing.schedule.OpeningHours;
import io.chatsuite.routing.servicelevel.Outcome;
import io.chatsuite.routing.servicelevel.repository.ServiceLevelRepository;
import io.chatsuite.routing.support.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The life of an interaction up to and after assignment: arrival (queued or rejected), the customer leaving
 * while queued (abandoned) and the end of an assigned chat. Each method applies one consumed event exactly once
 * (its id is recorded in the same transaction) and returns the campaigns whose queues may now move.
 */
@ApplicationScoped
public class RoutingService {

    public static final String CONSUMER = "routing-service";
    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    private final InteractionRepository interactions;
    private final AgentRepository agents;
    private final CampaignQueueLock queueLock;
    private final QueuePositions positions;
    private final OfferRepository offers;
    private final ServiceLevelRepository serviceLevels;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final Campaigns campaigns;
    private final RoutingConfig config;
    private final Clock clock;

    public RoutingService(InteractionRepository interactions, AgentRepository agents, CampaignQueueLock queueLock,
            QueuePositions positions, OfferRepository offers, ServiceLevelRepository serviceLevels,
            ProcessedEvents processed, Outbox outbox, Campaigns campaigns, RoutingConfig config, Clock clock) {
        this.offers = offers;
        this.interactions = interactions;
        this.agents = agents;
        this.queueLock = queueLock;
        this.positions = positions;
        this.serviceLevels = serviceLevels;
        this.processed = processed;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A customer asks for an agent: rejected when the campaign is unknown, closed or its queue full; otherwise
     * queued at the back. {@code campaign} is null when the campaign is unknown.
     */
    @WithTransaction
    public Uni<Set<String>> requested(String eventId, RoutingRequested request, CampaignUpserted campaign) {
        return processed.firstTime(CONSUMER, eventId).chain(first -> !first ? none()
                : interactions.findById(request.interactionId()).chain(existing -> {
                    if (existing != null) {
                        LOG.infof("Interaction %s was already requested (%s); ignoring the repeat",
                                existing.id, existing.state);
                        return none();
                    }
                    Instant now = Times.now(clock);
                    Interaction i = newInteraction(request, campaign, now);
                    if (campaign == null) {
                        return reject(i, RejectReason.UNKNOWN_CAMPAIGN, now);
                    }
                    if (!OpeningHours.isOpen(campaign.schedule(), now)) {
                        return reject(i, RejectReason.OUT_OF_HOURS, now);
                    }
                    return queueLock.lock(i.campaignId)
                            .chain(() -> interactions.countWaiting(i.campaignId))
                            .chain(waiting -> waiting >= campaign.maxWaiting()
                                    ? reject(i, RejectReason.UNAVAILABLE, now)
                                    : enqueue(i, waiting.intValue() + 1, campaign, now));
                }));
    }

    /** The customer left before an agent took the chat (or, if one just did, ended it). */
    @WithTransaction
    public Uni<Set<String>> abandonRequested(String eventId, String interactionId, Instant at) {
        return processed.firstTime(CONSUMER, eventId).chain(first -> !first ? none()
                : close(interactionId, Party.CUSTOMER, at));
    }

    /** A party closed the chat; when it was still queued, that is an abandon. */
    @WithTransaction
    public Uni<Set<String>> endRequested(String eventId, String interactionId, Party endedBy, Instant at) {
        return processed.firstTime(CONSUMER, eventId).chain(first -> !first ? none()
                : close(interactionId, endedBy == null ? Party.SYSTEM : endedBy, at));
    }

    private Uni<Set<String>> close(String interactionId, Party by, Instant requestedAt) {
        return interactions.findById(interactionId).chain(i -> {
            if (i == null) {
                LOG.warnf("Close of unknown interaction %s ignored", interactionId);
                return none();
            }
            return switch (i.state) {
                case QUEUED -> abandon(i, by, requestedAt);
                case ASSIGNED -> end(i, by, requestedAt);
                default -> none();
            };
        });
    }

    private Uni<Set<String>> abandon(Interaction i, Party by, Instant requestedAt) {
        Instant now = Times.now(clock);
        Instant at = within(requestedAt, i.queuedAt, now);
        return queueLock.lock(i.campaignId).chain(() -> interactions.abandon(i.id, at)).chain(changed -> {
            if (changed == 0) {
                // Assigned between our read and the lock: the customer is leaving an assigned chat.
                return Panache.getSession().chain(s -> s.refresh(i))
                        .chain(() -> i.state == InteractionState.ASSIGNED ? end(i, by, requestedAt) : none());
            }
            Duration waited = Duration.between(i.queuedAt, at);
            Outcome outcome = Outcome.abandoned(waited, Duration.ofSeconds(i.slThresholdSeconds),
                    Outcome.shortAbandon(campaigns.find(i.campaignId), config.shortAbandon()));
            // Its offers end with it (consumers withdraw them on the abandoned event); the queue behind moves up.
            return serviceLevels.count(i.campaignId, i.queuedAt, outcome)
                    .chain(() -> offers.clear(i.id))
                    .chain(() -> outbox.add(i.id, InteractionEvents.abandoned(i, at)))
                    .chain(() -> positions.announce(campaigns.find(i.campaignId).orElse(null), i.campaignId))
                    .replaceWith(Set.of(i.campaignId));
        });
    }

    private Uni<Set<String>> end(Interaction i, Party by, Instant requestedAt) {
        Instant now = Times.now(clock);
        Instant at = within(requestedAt, i.assignedAt, now);
        return interactions.end(i.id, by, at).chain(changed -> {
            if (changed == 0) {
                return none();
            }
            return agents.release(i.agentId, at).chain(released -> {
                if (released == 0) {
                    LOG.warnf("Agent %s held no interaction when %s ended", i.agentId, i.id);
                }
                return outbox.add(i.id, InteractionEvents.ended(i, i.agentId, by, at));
            }).replaceWith(Set.copyOf(campaigns.ofAgent(i.agentId)));
        });
    }

    private Uni<Set<String>> enqueue(Interaction i, int position, CampaignUpserted campaign, Instant now) {
        return interactions.nextQueueSeq().chain(seq -> {
            i.state = InteractionState.QUEUED;
            i.queueSeq = seq;
            i.queuedAt = now;
            i.announcedPosition = position;
            i.slThresholdSeconds = campaign.serviceLevelSeconds();
            return interactions.persist(i);
        })
                .chain(() -> serviceLevels.count(i.campaignId, now, Outcome.OFFERED))
                .chain(() -> positions.announceArrival(campaign, i, position))
                .replaceWith(Set.of(i.campaignId));
    }

    private Uni<Set<String>> reject(Interaction i, RejectReason reason, Instant now) {
        i.state = InteractionState.REJECTED;
        i.rejectReason = reason;
        i.closedAt = now;
        return interactions.persist(i)
                .chain(() -> outbox.add(i.id, InteractionEvents.rejected(i)))
                .chain(RoutingService::none);
    }

    private Interaction newInteraction(RoutingRequested request, CampaignUpserted campaign, Instant now) {
        Interaction i = new Interaction();
        i.id = request.interactionId();
        i.campaignId = request.campaignId();
        i.customerName = request.customerName();
        i.language = language(request.language(), campaign);
        i.requestedAt = request.requestedAt() == null ? now : Times.micros(request.requestedAt());
        return i;
    }

    // The widget always sends one; an old or foreign client may not, and the campaign's default is then right.
    private static String language(String requested, CampaignUpserted campaign) {
        if (requested != null && List.of("es", "en", "pt").contains(requested)) {
            return requested;
        }
        return campaign != null && campaign.defaultLanguage() != null ? campaign.defaultLanguage() : "en";
    }

    /** The instant a party says something happened, kept between the previous step and now (clock skew). */
    private static Instant within(Instant claimed, Instant notBefore, Instant now) {
        if (claimed == null || claimed.isAfter(now)) {
            return now;
        }
        Instant at = Times.micros(claimed);
        return notBefore != null && at.isBefore(notBefore) ? notBefore : at;
    }

    private static Uni<Set<String>> none() {
        return Uni.createFrom().item(Set.of());
    }
}
