package io.chatsuite.gateway.offer.service;

import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionEvent;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.gateway.live.LiveHub;
import io.chatsuite.gateway.protocol.ServerFrames;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offers open now, as routing announces them on the interactions topic, and their delivery to the agents'
 * consoles: an {@code offered} event names every agent the interaction is offered to (agents no longer named lose
 * it), and a {@code queued} (waiting again without offers), {@code assigned}, {@code abandoned}, {@code ended} or
 * {@code rejected} event withdraws all its offers. Agents get {@code offer} / {@code offer-withdrawn} frames; a
 * console that connects gets the agent's open offers after its {@code hello}.
 */
@ApplicationScoped
public class OfferBoard {

    /** One interaction's open offer. {@code expiresAt} is null for MANUAL offers (no expiry). */
    public record Offer(
            String interactionId,
            String campaignId,
            String customerName,
            String language,
            Strategy strategy,
            Instant expiresAt,
            Set<String> agentIds,
            long order) {}

    private final ConcurrentHashMap<String, Offer> offers = new ConcurrentHashMap<>();
    private final LiveHub hub;
    private long arrivals;

    public OfferBoard(LiveHub hub) {
        this.hub = hub;
    }

    /** Applies one routing event; events of one interaction arrive in order (one partition, one consumer). */
    public void apply(InteractionEvent event) {
        if (event instanceof InteractionOffered o) {
            offered(o);
        } else {
            // Any later step of the interaction (queued again, assigned, over) closes its offer.
            withdrawAll(event.interactionId());
        }
    }

    /** The agent's open offers, oldest first (for a console that just connected). */
    public List<Offer> openFor(String agentId) {
        return offers.values().stream()
                .filter(o -> o.agentIds().contains(agentId))
                .sorted(Comparator.comparingLong(Offer::order))
                .toList();
    }

    /** The interaction's offer when it is open to {@code agentId}. */
    public Optional<Offer> find(String interactionId, String agentId) {
        return Optional.ofNullable(offers.get(interactionId))
                .filter(o -> o.agentIds().contains(agentId));
    }

    private synchronized void offered(InteractionOffered e) {
        Instant expiresAt = e.strategy() == Strategy.MANUAL ? null : e.expiresAt();
        Offer previous = offers.get(e.interactionId());
        Offer now = new Offer(
                e.interactionId(),
                e.campaignId(),
                e.customerName(),
                e.language(),
                e.strategy(),
                expiresAt,
                Set.copyOf(e.agentIds()),
                previous == null ? ++arrivals : previous.order());
        offers.put(e.interactionId(), now);
        if (previous != null) {
            Set<String> gone = new HashSet<>(previous.agentIds());
            gone.removeAll(now.agentIds());
            gone.forEach(agent -> hub.sendToAgent(agent, ServerFrames.offerWithdrawn(e.interactionId())));
        }
        boolean renewed = previous == null || !Objects.equals(previous.expiresAt(), now.expiresAt());
        for (String agent : now.agentIds()) {
            if (renewed || !previous.agentIds().contains(agent)) {
                hub.sendToAgent(agent, frame(now));
            }
        }
    }

    private synchronized void withdrawAll(String interactionId) {
        Offer previous = offers.remove(interactionId);
        if (previous != null) {
            previous.agentIds().forEach(agent -> hub.sendToAgent(agent, ServerFrames.offerWithdrawn(interactionId)));
        }
    }

    public static String frame(Offer o) {
        return ServerFrames.offer(
                o.interactionId(),
                o.campaignId(),
                o.customerName(),
                o.language(),
                o.strategy().name(),
                o.expiresAt());
    }
}
