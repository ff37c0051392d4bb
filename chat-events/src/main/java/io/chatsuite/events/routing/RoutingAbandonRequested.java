package io.chatsuite.events.routing;

import java.time.Instant;

/** The customer left before an agent took the interaction. */
public record RoutingAbandonRequested(String interactionId, String campaignId, Instant at) {}
