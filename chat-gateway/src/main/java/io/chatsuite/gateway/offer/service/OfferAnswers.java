package io.chatsuite.gateway.offer.service;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.gateway.protocol.ErrorCode;
import io.chatsuite.gateway.protocol.FrameException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An agent's answer to an offer, passed to routing as {@code RoutingAccepted} / {@code RoutingDeclined} on
 * routing-requests (key campaignId, through the outbox). Routing decides: the first acceptance of a waiting
 * interaction wins; the console learns the outcome from {@code assigned} or {@code offer-withdrawn}.
 */
@ApplicationScoped
public class OfferAnswers {

    static final String SOURCE = "/chat-gateway";

    private final OfferBoard board;
    private final Outbox outbox;

    public OfferAnswers(OfferBoard board, Outbox outbox) {
        this.board = board;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Void> accept(String agentId, String interactionId) {
        OfferBoard.Offer offer = open(agentId, interactionId);
        return outbox.add(
                offer.campaignId(),
                EventCodec.wrap(
                        SOURCE, interactionId, new RoutingAccepted(interactionId, offer.campaignId(), agentId, now())));
    }

    @WithTransaction
    public Uni<Void> decline(String agentId, String interactionId) {
        OfferBoard.Offer offer = open(agentId, interactionId);
        return outbox.add(
                offer.campaignId(),
                EventCodec.wrap(
                        SOURCE, interactionId, new RoutingDeclined(interactionId, offer.campaignId(), agentId, now())));
    }

    private OfferBoard.Offer open(String agentId, String interactionId) {
        return board.find(interactionId, agentId)
                .orElseThrow(() -> new FrameException(
                        ErrorCode.NOT_OFFERED,
                        "interaction " + interactionId + " is not offered to you (any more)",
                        null,
                        interactionId));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
