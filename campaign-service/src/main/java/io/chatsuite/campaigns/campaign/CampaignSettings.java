package io.chatsuite.campaigns.campaign;

import io.chatsuite.events.campaign.Schedule;
import java.util.List;
import java.util.Map;

/** The parts of a campaign stored as one JSON document. */
public record CampaignSettings(
        Schedule schedule,
        Map<String, Map<String, String>> messages,
        List<String> agentMembers,
        List<String> allowedOrigins) {

    public CampaignSettings {
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        agentMembers = agentMembers == null ? List.of() : List.copyOf(agentMembers);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
