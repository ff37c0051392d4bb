package io.chatsuite.routing.agent.messaging;

import io.chatsuite.commons.messaging.UnprocessableEventException;
import io.chatsuite.events.CloudEvent;

/** The agent id an agent event must carry: present and at most 100 characters (the columns' width). */
final class AgentIds {

    private AgentIds() {}

    static String require(String agentId, CloudEvent event) {
        if (agentId == null || agentId.isBlank() || agentId.length() > 100) {
            throw new UnprocessableEventException("refused", "Event " + event.id() + " has no valid agentId");
        }
        return agentId;
    }
}
