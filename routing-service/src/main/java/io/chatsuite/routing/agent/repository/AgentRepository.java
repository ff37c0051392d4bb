package io.chatsuite.routing.agent.repository;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.routing.agent.Agent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Agents' presence and capacity as the gateway and the agent profiles report them. Their load (interactions held)
 * is written by the routing engine only, under the agent's row lock.
 */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    /**
     * Applies a presence change unless a later one was already applied (presence may arrive out of order after a
     * redelivery). Returns 1 when applied. {@code defaultCapacity} applies to agents without a profile.
     */
    public Uni<Integer> applyPresence(String agentId, String displayName, PresenceStatus status, Instant changedAt,
            int defaultCapacity) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into agent(id, display_name, status, status_changed_at, available_since, capacity,
                                          desired_capacity, active)
                        values (?1, ?2, ?3, ?4, case when cast(?3 as varchar) = 'AVAILABLE' then cast(?4 as timestamptz) end, ?5, ?5, 0)
                        on conflict (id) do update set
                            display_name = coalesce(excluded.display_name, agent.display_name),
                            status = excluded.status,
                            status_changed_at = excluded.status_changed_at,
                            available_since = case when excluded.status = 'AVAILABLE' and agent.status <> 'AVAILABLE'
                                                   then excluded.status_changed_at else agent.available_since end,
                            desired_capacity = case when agent.profile_version is null then excluded.desired_capacity
                                                    else agent.desired_capacity end,
                            capacity = case when agent.profile_version is null then greatest(excluded.capacity, agent.active)
                                            else agent.capacity end
                        where agent.status_changed_at <= excluded.status_changed_at""")
                .setParameter(1, agentId)
                .setParameter(2, displayName)
                .setParameter(3, status.name())
                .setParameter(4, changedAt)
                .setParameter(5, defaultCapacity)
                .executeUpdate());
    }

    /**
     * Applies an agent profile's capacity unless a later version was applied. An agent routing has not seen yet is
     * recorded OFFLINE (as of the epoch, so its first presence change applies). A capacity below what the agent
     * holds takes effect as its chats end. Returns 1 when applied.
     */
    public Uni<Integer> applyProfile(String agentId, String displayName, int capacity, long version) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into agent(id, display_name, status, status_changed_at, capacity, desired_capacity,
                                          profile_version, active)
                        values (?1, ?2, 'OFFLINE', timestamptz '1970-01-01T00:00:00Z', ?3, ?3, ?4, 0)
                        on conflict (id) do update set
                            display_name = coalesce(agent.display_name, excluded.display_name),
                            desired_capacity = excluded.desired_capacity,
                            capacity = greatest(excluded.desired_capacity, agent.active),
                            profile_version = excluded.profile_version
                        where agent.profile_version is null or agent.profile_version <= excluded.profile_version""")
                .setParameter(1, agentId)
                .setParameter(2, displayName)
                .setParameter(3, capacity)
                .setParameter(4, version)
                .executeUpdate());
    }

    /** The agent's profile was deleted: back to the configured default capacity. */
    public Uni<Integer> removeProfile(String agentId, int defaultCapacity) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update agent set desired_capacity = ?2, capacity = greatest(?2, active), profile_version = null
                        where id = ?1""")
                .setParameter(1, agentId)
                .setParameter(2, defaultCapacity)
                .executeUpdate());
    }
}
