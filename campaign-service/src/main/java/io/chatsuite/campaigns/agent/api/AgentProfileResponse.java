package io.chatsuite.campaigns.agent.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's profile as the console reads it; {@code campaignIds} is derived from campaign membership. */
@Schema(name = "AgentProfile", example = """
        {"agentId":"alice","displayName":"Alice Martín","capacity":3,"securityGroups":["sales"],
         "campaignIds":["6f1c0e7a-3b0e-4d69-9c55-0a3c2f1d8e11"],"version":2,"updatedAt":"2025-05-02T08:30:00Z"}""")
public record AgentProfileResponse(
        String agentId,
        String displayName,
        int capacity,
        List<String> securityGroups,

        @Schema(
                readOnly = true,
                description = "campaigns listing this agent in agentMembers that the caller may "
                        + "see; change them on the campaigns")
        List<String> campaignIds,

        long version,
        Instant updatedAt) {}
