package io.chatsuite.routing.interaction.messaging;

import io.chatsuite.commons.messaging.Failures;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.engine.Command;
import io.chatsuite.routing.engine.RoutingEngine;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code routing-requests} a poll at a time: customers asking for an agent, leaving, agents answering
 * offers, chats being closed. The whole poll is applied in one engine transaction, in record order. A record that
 * cannot be read is parked on the dead-letter topic at once; if the batch fails because of one record's content,
 * the records are applied one by one and only the offending ones are parked. A failure of the infrastructure
 * (database unreachable, shutting down) parks nothing: the poll is retried, and if the service stops meanwhile its
 * offsets are not committed, so the records are delivered again. A type this version does not know is skipped,
 * so newer producers do not stop older consumers.
 */
@ApplicationScoped
public class RoutingRequestConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingRequestConsumer.class);

    private final RoutingEngine engine;
    private final Campaigns campaigns;
    private final MutinyEmitter<String> deadLetters;

    public RoutingRequestConsumer(
            RoutingEngine engine,
            Campaigns campaigns,
            @Channel("routing-dead-letters") MutinyEmitter<String> deadLetters) {
        this.engine = engine;
        this.campaigns = campaigns;
        this.deadLetters = deadLetters;
    }

    @Incoming("routing-requests")
    public Uni<Void> consume(List<String> values) {
        List<Parsed> parsed = new ArrayList<>();
        Uni<Void> parked = Uni.createFrom().voidItem();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            try {
                Parsed p = parse(value);
                if (p != null) {
                    parsed.add(p);
                }
            } catch (RuntimeException e) {
                parked = parked.chain(() -> park(value, e));
            }
        }
        return parked.chain(() -> awaitCampaigns(parsed))
                .chain(() -> {
                    List<Command> commands =
                            parsed.stream().map(Parsed::command).toList();
                    return engine.apply(commands)
                            .onFailure(Failures::isContentError)
                            .recoverWithUni(e -> {
                                LOG.warnf(
                                        "A batch of %d routing requests failed (%s); applying them one by one",
                                        commands.size(), e.toString());
                                return oneByOne(parsed);
                            });
                })
                .onFailure(e -> !Failures.isContentError(e))
                .invoke(e -> LOG.warnf(
                        "A poll of %d routing requests was not applied " + "(%s); retrying it",
                        values.size(), e.toString()))
                .onFailure(e -> !Failures.isContentError(e))
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely();
    }

    private Uni<Void> oneByOne(List<Parsed> parsed) {
        return Multi.createFrom()
                .iterable(parsed)
                .onItem()
                .transformToUniAndConcatenate(p -> engine.apply(List.of(p.command()))
                        .onFailure(Failures::isContentError)
                        .recoverWithUni(e -> park(p.value(), e)))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Requests may overtake the snapshot of a campaign created a moment ago: wait for it briefly. */
    private Uni<Void> awaitCampaigns(List<Parsed> parsed) {
        Set<String> unknown = new TreeSet<>();
        for (Parsed p : parsed) {
            if (p.command() instanceof Command.Request r
                    && (!campaigns.isCaughtUp()
                            || campaigns.find(r.request().campaignId()).isEmpty())) {
                unknown.add(r.request().campaignId());
            }
        }
        if (unknown.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(unknown)
                .onItem()
                .transformToUniAndMerge(campaigns::await)
                .collect()
                .last()
                .invoke(() -> {
                    for (int n = 0; n < parsed.size(); n++) {
                        if (parsed.get(n).command() instanceof Command.Request r) {
                            parsed.set(
                                    n,
                                    new Parsed(
                                            new Command.Request(
                                                    r.eventId(),
                                                    r.request(),
                                                    campaigns
                                                            .find(r.request().campaignId())
                                                            .orElse(null)),
                                            parsed.get(n).value()));
                        }
                    }
                })
                .replaceWithVoid();
    }

    private record Parsed(Command command, String value) {}

    private Parsed parse(String value) {
        CloudEvent event = EventCodec.decode(value);
        EventType type = EventType.of(event.type()).orElse(null);
        if (type == EventType.ROUTING_REQUESTED) {
            RoutingRequested r = EventCodec.data(event, RoutingRequested.class);
            require(r.interactionId(), "interactionId", event);
            require(r.campaignId(), "campaignId", event);
            return new Parsed(
                    new Command.Request(
                            event.id(), r, campaigns.find(r.campaignId()).orElse(null)),
                    value);
        }
        if (type == EventType.ROUTING_ABANDON_REQUESTED) {
            RoutingAbandonRequested a = EventCodec.data(event, RoutingAbandonRequested.class);
            require(a.interactionId(), "interactionId", event);
            return new Parsed(
                    new Command.Close(event.id(), a.interactionId(), a.campaignId(), Party.CUSTOMER, a.at()), value);
        }
        if (type == EventType.ROUTING_END_REQUESTED) {
            RoutingEndRequested e = EventCodec.data(event, RoutingEndRequested.class);
            require(e.interactionId(), "interactionId", event);
            return new Parsed(
                    new Command.Close(event.id(), e.interactionId(), e.campaignId(), e.endedBy(), e.at()), value);
        }
        if (type == EventType.ROUTING_ACCEPTED) {
            RoutingAccepted a = EventCodec.data(event, RoutingAccepted.class);
            require(a.interactionId(), "interactionId", event);
            require(a.campaignId(), "campaignId", event);
            require(a.agentId(), "agentId", event);
            return new Parsed(new Command.Accept(event.id(), a.interactionId(), a.campaignId(), a.agentId()), value);
        }
        if (type == EventType.ROUTING_DECLINED) {
            RoutingDeclined d = EventCodec.data(event, RoutingDeclined.class);
            require(d.interactionId(), "interactionId", event);
            require(d.campaignId(), "campaignId", event);
            require(d.agentId(), "agentId", event);
            return new Parsed(new Command.Decline(event.id(), d.interactionId(), d.campaignId(), d.agentId()), value);
        }
        LOG.infof("Skipping event %s of type %s on routing-requests", event.id(), event.type());
        return null;
    }

    private Uni<Void> park(String value, Throwable reason) {
        LOG.errorf("Routing request not applied, parking it: %s (%s)", reason.getMessage(), abbreviate(value));
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        return deadLetters.sendMessage(Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withHeaders(headers)
                        .build()));
    }

    /** An id a routing request must carry: present and at most 100 characters (the columns' width). */
    private static void require(String value, String what, CloudEvent event) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new EventCodec.MalformedEventException("Event " + event.id() + " has no valid " + what);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
