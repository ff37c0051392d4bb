package io.chatsuite.routing.servicelevel.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chatsuite.events.EventCodec;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.interaction.InteractionQueued;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DashboardChangeListenerTest {

    @Test
    void readsTheTypeAndTheCampaignOrAgentOfEventsAsTheSuiteEncodesThem() {
        String queued = EventCodec.encode(EventCodec.wrap(
                "/routing-service",
                "i-1",
                new InteractionQueued("i-1", "campaign-7", 3, Instant.parse("2026-11-25T10:00:00Z"), 40)));
        assertEquals("chat.interaction.queued.v1", DashboardChangeListener.field(queued, "type"));
        assertEquals("campaign-7", DashboardChangeListener.field(queued, "campaignId"));

        String presence = EventCodec.encode(EventCodec.wrap(
                "/chat-gateway",
                "ana",
                new AgentPresenceChanged("ana", "Ana", PresenceStatus.AWAY, Instant.parse("2026-11-25T10:00:00Z"))));
        assertEquals("chat.agent.presence-changed.v1", DashboardChangeListener.field(presence, "type"));
        assertEquals("ana", DashboardChangeListener.field(presence, "agentId"));

        assertNull(DashboardChangeListener.field("{\"not\":\"an event\"}", "type"));
        assertNull(DashboardChangeListener.field("{\"type\":\"unterminated", "type"));
    }
}
