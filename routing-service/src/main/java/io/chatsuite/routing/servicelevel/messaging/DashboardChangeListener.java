package io.chatsuite.routing.servicelevel.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.routing.servicelevel.service.ServiceLevelMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Hears what changes dashboards: routing's own {@code interactions} events (relayed from the outbox after their
 * transaction committed, so the database already shows them, whichever instance made the change), agent
 * presence and agent profiles. Every instance hears everything (a consumer group of its own, from the latest
 * offset); it only marks campaigns for recomputation, so an event missed costs at most one refresh interval.
 */
@ApplicationScoped
public class DashboardChangeListener {

    private static final Logger LOG = Logger.getLogger(DashboardChangeListener.class);

    private final ServiceLevelMonitor monitor;

    public DashboardChangeListener(ServiceLevelMonitor monitor) {
        this.monitor = monitor;
    }

    @Incoming("dashboard-changes")
    public void changed(String value) {
        if (value == null) {
            return;
        }
        try {
            CloudEvent event = EventCodec.decode(value);
            JsonNode data = event.data();
            if (data == null) {
                return;
            }
            if (event.type().startsWith("chat.interaction.")) {
                monitor.changed(text(data, "campaignId"));
            } else if (event.type().startsWith("chat.agent.")) {
                String agentId = text(data, "agentId");
                if (agentId != null) {
                    monitor.agentChanged(agentId);
                }
            }
        } catch (RuntimeException e) {
            // Only a hint: an unreadable record changes nothing here (its owner's consumer deals with it).
            LOG.debugf("Dashboard hint skipped: %s", e.getMessage());
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
