package io.chatsuite.routing.agent.service;

import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.routing.agent.repository.AgentRepository;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.engine.RoutingEngine;
import io.chatsuite.routing.support.Times;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Keeps each agent's availability as the gateway reports it. An agent going away or offline keeps the chats it
 * holds (the gateway ends them) but gets no new ones, and its open offers are withdrawn; an agent becoming
 * available may take from the queues of all its campaigns.
 */
@ApplicationScoped
public class PresenceService {

    private final AgentRepository agents;
    private final ProcessedEvents processed;
    private final Campaigns campaigns;
    private final RoutingConfig config;

    public PresenceService(AgentRepository agents, ProcessedEvents processed, Campaigns campaigns,
            RoutingConfig config) {
        this.agents = agents;
        this.processed = processed;
        this.campaigns = campaigns;
        this.config = config;
    }

    /** Applies a presence change once; returns the campaigns whose queues the agent may now serve. */
    @WithTransaction
    public Uni<Set<String>> changed(String eventId, AgentPresenceChanged change) {
        return processed.firstTime(RoutingEngine.CONSUMER, eventId).chain(first -> !first
                ? Uni.createFrom().item(Set.<String>of())
                : agents.applyPresence(change.agentId(), change.displayName(), change.status(),
                                Times.micros(change.changedAt()), config.agentCapacity())
                        // Available: it may serve its queues; away or offline: its offers are withdrawn and go to
                        // the others. Either way its campaigns' queues settle.
                        .map(applied -> applied == 1 ? Set.copyOf(campaigns.ofAgent(change.agentId()))
                                : Set.<String>of()));
    }
}
