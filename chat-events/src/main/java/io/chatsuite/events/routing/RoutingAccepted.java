package io.chatsuite.events.routing;

import java.time.Instant;

/** An agent accepted an offered interaction, or picked a waiting one from a manual queue. */
public record RoutingAccepted(String interactionId, String campaignId, String agentId, Instant at) {}
