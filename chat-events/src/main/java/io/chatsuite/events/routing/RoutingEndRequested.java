package io.chatsuite.events.routing;

import io.chatsuite.events.Party;
import java.time.Instant;

/** A party of an assigned interaction closed it; routing frees the agent and announces the end. */
public record RoutingEndRequested(String interactionId, String campaignId, Party endedBy, String agentId, Instant at) {}
