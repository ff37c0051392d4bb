package io.chatsuite.events.agent;

import java.time.Instant;

/** An agent became available, went away, or went offline (its last console session closed). */
public record AgentPresenceChanged(String agentId, String displayName, PresenceStatus status, Instant changedAt) {}
