package io.chatsuite.routing.agent.service;

import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.engine.AgentStore;
import io.chatsuite.routing.engine.RoutingEngine;
import io.chatsuite.routing.support.Times;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies what the gateway and the agent profiles report about an agent (availability, capacity), each event once,
 * through {@link AgentStore}. Yields the campaigns whose queues may move: an agent becoming available may take from
 * the queues of all its campaigns, a raised capacity frees room, and an agent going away or offline keeps the chats
 * it holds (the gateway ends them) but gets no new ones, its open offers going to the others.
 */
@ApplicationScoped
public class AgentUpdates {

    private final PgPool pool;
    private final Campaigns campaigns;
    private final RoutingConfig config;

    public AgentUpdates(PgPool pool, Campaigns campaigns, RoutingConfig config) {
        this.pool = pool;
        this.campaigns = campaigns;
        this.config = config;
    }

    /** A presence change, unless a later one was applied. */
    public Uni<Set<String>> presenceChanged(String eventId, AgentPresenceChanged change) {
        return once(
                eventId,
                change.agentId(),
                c -> AgentStore.applyPresence(
                        c,
                        change.agentId(),
                        change.displayName(),
                        change.status(),
                        Times.micros(change.changedAt()),
                        config.agentCapacity()));
    }

    /** A profile's capacity, unless a later version was applied. */
    public Uni<Set<String>> profileUpserted(String eventId, AgentProfileUpserted profile) {
        return once(
                eventId,
                profile.agentId(),
                c -> AgentStore.applyProfile(
                        c, profile.agentId(), profile.displayName(), profile.capacity(), profile.version()));
    }

    /** The agent's profile was deleted: back to the configured default capacity. */
    public Uni<Set<String>> profileDeleted(String eventId, String agentId) {
        return once(
                eventId,
                agentId,
                c -> AgentStore.removeProfile(c, agentId, config.agentCapacity())
                        .replaceWith(true));
    }

    /**
     * Records the event and applies {@code change} in one transaction, unless the event was applied before; yields
     * the agent's campaigns when the change applied, none otherwise.
     */
    private Uni<Set<String>> once(String eventId, String agentId, Function<SqlConnection, Uni<Boolean>> change) {
        return pool.withTransaction(c -> ProcessedEvents.firstTime(c, RoutingEngine.CONSUMER, List.of(eventId))
                .chain(fresh -> fresh.isEmpty() ? Uni.createFrom().item(false) : change.apply(c))
                .map(applied -> applied ? Set.copyOf(campaigns.ofAgent(agentId)) : Set.<String>of()));
    }
}
