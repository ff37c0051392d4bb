package io.chatsuite.events.routing;

import java.time.Instant;

/** A customer asked to talk to an agent of a campaign. */
public record RoutingRequested(
        String interactionId, String campaignId, String customerName, String language, Instant requestedAt) {}
