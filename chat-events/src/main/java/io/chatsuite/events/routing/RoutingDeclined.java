package io.chatsuite.events.routing;

import java.time.Instant;

/** An agent declined an offer; routing offers the interaction to the next agent. */
public record RoutingDeclined(String interactionId, String campaignId, String agentId, Instant at) {}
