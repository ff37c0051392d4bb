package io.chatsuite.campaigns.agent.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator sends to create or replace an agent's profile (the agent id is in the path). */
@Schema(name = "AgentProfileRequest", example = """
        {"displayName":"Alice Martín","capacity":3,"securityGroups":["sales"]}""")
public record AgentProfileRequest(
        @Schema(description = "defaults to the agent id", maxLength = 200)
        String displayName,

        @Schema(minimum = "1", maximum = "20", defaultValue = "3")
        Integer capacity,

        @Schema(required = true, description = "at least one; each one of the caller's groups")
        List<String> securityGroups) {}
