package io.chatsuite.events.agent;

import java.time.Instant;

/** An agent profile was removed; the compacted topic also gets a tombstone for its key. */
public record AgentProfileDeleted(String agentId, Instant deletedAt) {}
