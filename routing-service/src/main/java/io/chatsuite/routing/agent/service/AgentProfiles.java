package io.chatsuite.routing.agent.service;

import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.chatsuite.routing.agent.repository.AgentRepository;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.engine.RoutingEngine;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Keeps each agent's capacity as its profile says (agent-profiles topic), or the configured default when it has
 * none. Returns the campaigns whose queues may move (a raised capacity frees room).
 */
@ApplicationScoped
public class AgentProfiles {

    private final AgentRepository agents;
    private final ProcessedEvents processed;
    private final Campaigns campaigns;
    private final RoutingConfig config;

    public AgentProfiles(AgentRepository agents, ProcessedEvents processed, Campaigns campaigns,
            RoutingConfig config) {
        this.agents = agents;
        this.processed = processed;
        this.campaigns = campaigns;
        this.config = config;
    }

    @WithTransaction
    public Uni<Set<String>> upserted(String eventId, AgentProfileUpserted profile) {
        return processed.firstTime(RoutingEngine.CONSUMER, eventId).chain(first -> !first
                ? Uni.createFrom().item(Set.<String>of())
                : agents.applyProfile(profile.agentId(), profile.displayName(), profile.capacity(),
                                profile.version())
                        .map(applied -> applied == 1 ? Set.copyOf(campaigns.ofAgent(profile.agentId()))
                                : Set.<String>of()));
    }

    @WithTransaction
    public Uni<Set<String>> deleted(String eventId, String agentId) {
        return processed.firstTime(RoutingEngine.CONSUMER, eventId).chain(first -> !first
                ? Uni.createFrom().item(Set.<String>of())
                : agents.removeProfile(agentId, config.agentCapacity())
                        .map(applied -> Set.copyOf(campaigns.ofAgent(agentId))));
    }
}
