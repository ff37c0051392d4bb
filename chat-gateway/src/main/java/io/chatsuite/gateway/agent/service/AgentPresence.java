package io.chatsuite.gateway.agent.service;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.gateway.agent.messaging.PresencePublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Each agent's presence as this gateway sees it: AWAY when a first console connects, what the agent chooses
 * while connected, OFFLINE when the last console closes. Every change is published; changes of one agent are
 * decided and handed to the producer under that agent's lock, so they reach Kafka in the order they happened.
 */
@ApplicationScoped
public class AgentPresence {

    private static final Logger LOG = Logger.getLogger(AgentPresence.class);

    private final ConcurrentHashMap<String, Agent> agents = new ConcurrentHashMap<>();
    private final PresencePublisher publisher;

    public AgentPresence(PresencePublisher publisher) {
        this.publisher = publisher;
    }

    private static final class Agent {
        int connections;
        PresenceStatus status = PresenceStatus.OFFLINE;
        String name;
    }

    /** A console connected; the agent's status now. */
    public PresenceStatus connected(String agentId, String name) {
        Agent agent = agents.computeIfAbsent(agentId, k -> new Agent());
        synchronized (agent) {
            agent.connections++;
            agent.name = name;
            if (agent.status == PresenceStatus.OFFLINE) {
                agent.status = PresenceStatus.AWAY;
                logFailure(agentId, send(agentId, agent));
            }
            return agent.status;
        }
    }

    /** The agent chose a status; completes when Kafka acknowledged it. */
    public Uni<Void> change(String agentId, PresenceStatus status) {
        Agent agent = agents.computeIfAbsent(agentId, k -> new Agent());
        CompletionStage<Void> sent;
        synchronized (agent) {
            agent.status = status;
            sent = send(agentId, agent);
        }
        return Uni.createFrom().completionStage(sent);
    }

    /** A console closed; the last one makes the agent OFFLINE. */
    public void disconnected(String agentId) {
        Agent agent = agents.get(agentId);
        if (agent == null) {
            return;
        }
        synchronized (agent) {
            agent.connections = Math.max(0, agent.connections - 1);
            if (agent.connections == 0 && agent.status != PresenceStatus.OFFLINE) {
                agent.status = PresenceStatus.OFFLINE;
                logFailure(agentId, send(agentId, agent));
            }
        }
    }

    // The emitter sends on subscription: subscribing here, under the lock, fixes the order of the records.
    private CompletionStage<Void> send(String agentId, Agent agent) {
        return publisher.publish(agentId, agent.name, agent.status).subscribeAsCompletionStage();
    }

    private static void logFailure(String agentId, CompletionStage<Void> sent) {
        sent.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warnf("Presence of %s not published: %s", agentId, failure.getMessage());
            }
        });
    }
}
