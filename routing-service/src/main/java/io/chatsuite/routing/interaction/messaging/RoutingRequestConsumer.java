package io.chatsuite.routing.interaction.messaging;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.routing.assignment.service.Dispatcher;
import io.chatsuite.routing.assignment.service.OfferAnswers;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.interaction.service.RoutingService;
import io.chatsuite.routing.support.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code routing-requests}: customers asking for an agent, leaving, agents answering offers, and chats
 * being closed. A record
 * that cannot be read fails and is parked on the dead-letter topic (nothing is lost, the partition moves on);
 * a type this version does not know is skipped, so newer producers do not stop older consumers.
 */
@ApplicationScoped
public class RoutingRequestConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingRequestConsumer.class);
    private static final int ATTEMPTS = 5;

    private final RoutingService routing;
    private final OfferAnswers answers;
    private final Dispatcher dispatcher;
    private final Campaigns campaigns;
    private final Retries retries;

    public RoutingRequestConsumer(RoutingService routing, OfferAnswers answers, Dispatcher dispatcher,
            Campaigns campaigns, Retries retries) {
        this.routing = routing;
        this.answers = answers;
        this.dispatcher = dispatcher;
        this.campaigns = campaigns;
        this.retries = retries;
    }

    @Incoming("routing-requests")
    public Uni<Void> consume(String value) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> apply(EventCodec.decode(value)))
                .chain(dispatcher::dispatch)
                .onFailure().invoke(e -> LOG.errorf("Routing request not applied, parking it: %s (%s)",
                        e.getMessage(), abbreviate(value)));
    }

    private Uni<Set<String>> apply(CloudEvent event) {
        EventType type = EventType.of(event.type()).orElse(null);
        if (type == EventType.ROUTING_REQUESTED) {
            RoutingRequested r = valid(EventCodec.data(event, RoutingRequested.class), event);
            return campaigns.await(r.campaignId()).chain(campaign ->
                    transactional(() -> routing.requested(event.id(), r, campaign.orElse(null))));
        }
        if (type == EventType.ROUTING_ABANDON_REQUESTED) {
            RoutingAbandonRequested a = EventCodec.data(event, RoutingAbandonRequested.class);
            requireId(a.interactionId(), event);
            return transactional(() -> routing.abandonRequested(event.id(), a.interactionId(), a.at()));
        }
        if (type == EventType.ROUTING_END_REQUESTED) {
            RoutingEndRequested e = EventCodec.data(event, RoutingEndRequested.class);
            requireId(e.interactionId(), event);
            return transactional(() -> routing.endRequested(event.id(), e.interactionId(), e.endedBy(), e.at()));
        }
        if (type == EventType.ROUTING_ACCEPTED) {
            RoutingAccepted a = EventCodec.data(event, RoutingAccepted.class);
            requireId(a.interactionId(), event);
            requireCampaign(a.campaignId(), event);
            requireAgent(a.agentId(), event);
            return transactional(() -> answers.accepted(event.id(), a.interactionId(), a.campaignId(), a.agentId()));
        }
        if (type == EventType.ROUTING_DECLINED) {
            RoutingDeclined d = EventCodec.data(event, RoutingDeclined.class);
            requireId(d.interactionId(), event);
            requireCampaign(d.campaignId(), event);
            requireAgent(d.agentId(), event);
            return transactional(() -> answers.declined(event.id(), d.interactionId(), d.campaignId(), d.agentId()));
        }
        LOG.infof("Skipping event %s of type %s on routing-requests", event.id(), event.type());
        return Uni.createFrom().item(Set.of());
    }

    private Uni<Set<String>> transactional(Supplier<Uni<Set<String>>> work) {
        return retries.onTransientFailure(work, ATTEMPTS);
    }

    private static RoutingRequested valid(RoutingRequested r, CloudEvent event) {
        requireId(r.interactionId(), event);
        if (r.campaignId() == null || r.campaignId().isBlank()) {
            throw new EventCodec.MalformedEventException("Event " + event.id() + " names no campaign");
        }
        return r;
    }

    private static void requireId(String interactionId, CloudEvent event) {
        if (interactionId == null || interactionId.isBlank() || interactionId.length() > 100) {
            throw new EventCodec.MalformedEventException("Event " + event.id() + " has no valid interactionId");
        }
    }

    private static void requireCampaign(String campaignId, CloudEvent event) {
        if (campaignId == null || campaignId.isBlank() || campaignId.length() > 100) {
            throw new EventCodec.MalformedEventException("Event " + event.id() + " names no campaign");
        }
    }

    private static void requireAgent(String agentId, CloudEvent event) {
        if (agentId == null || agentId.isBlank() || agentId.length() > 100) {
            throw new EventCodec.MalformedEventException("Event " + event.id() + " has no valid agentId");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
