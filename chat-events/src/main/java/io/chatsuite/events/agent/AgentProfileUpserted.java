package io.chatsuite.events.agent;

import java.time.Instant;
import java.util.List;

/**
 * Full snapshot of an agent's profile: how many chats they handle at once and the campaigns they belong to.
 * Compacted by agent id.
 */
public record AgentProfileUpserted(
        String agentId, String displayName, int capacity, List<String> campaignIds, long version, Instant updatedAt) {}
