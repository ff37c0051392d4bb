package io.chatsuite.routing.servicelevel.messaging;

import io.chatsuite.routing.servicelevel.service.ServiceLevelMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hears what changes dashboards: routing's own {@code interactions} events (relayed from the outbox after their
 * transaction committed, so the database already shows them, whichever instance made the change), agent
 * presence and agent profiles. Every instance hears everything (a consumer group of its own, from the latest
 * offset); it only marks campaigns for recomputation, so an event missed costs at most one refresh interval.
 * It reads every interaction event routing publishes, a poll at a time, so it does not decode them: it looks up
 * the envelope's {@code type} and the {@code campaignId} or {@code agentId} in the compact JSON the suite
 * writes, and a record where they are not found is simply no hint.
 */
@ApplicationScoped
public class DashboardChangeListener {

    private final ServiceLevelMonitor monitor;

    public DashboardChangeListener(ServiceLevelMonitor monitor) {
        this.monitor = monitor;
    }

    @Incoming("dashboard-changes")
    public void changed(List<String> values) {
        Set<String> campaigns = new TreeSet<>();
        Set<String> agents = new TreeSet<>();
        for (String value : values) {
            String type = value == null ? null : field(value, "type");
            if (type == null) {
                continue;
            }
            if (type.startsWith("chat.interaction.")) {
                String campaignId = field(value, "campaignId");
                if (campaignId != null) {
                    campaigns.add(campaignId);
                }
            } else if (type.startsWith("chat.agent")) {
                String agentId = field(value, "agentId");
                if (agentId != null) {
                    agents.add(agentId);
                }
            }
        }
        campaigns.forEach(monitor::changed);
        agents.forEach(monitor::agentChanged);
    }

    /** The first string value of {@code name} in compact JSON (the envelope's fields come before its data). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }
}
