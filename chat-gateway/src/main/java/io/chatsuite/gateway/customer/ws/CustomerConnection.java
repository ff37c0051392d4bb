package io.chatsuite.gateway.customer.ws;

import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.gateway.live.Link;

/**
 * What a customer connection knows of its chat, so that sending a message needs no database round trip.
 * Its socket handles one frame at a time (websockets-next processes a connection's frames serially); the
 * {@code over} flag is also set by deliveries, hence volatile.
 */
final class CustomerConnection {

    final Link link;
    final CampaignUpserted campaign;
    String interactionId;
    String language;
    String customerName;
    boolean requested;
    volatile boolean over;

    CustomerConnection(Link link, CampaignUpserted campaign) {
        this.link = link;
        this.campaign = campaign;
    }

    boolean saidHello() {
        return interactionId != null;
    }
}
