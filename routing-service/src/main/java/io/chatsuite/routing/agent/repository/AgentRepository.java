package io.chatsuite.routing.agent.repository;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.routing.agent.Agent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Agents, and the guarded updates that keep every agent within its capacity. */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    /**
     * Applies a presence change unless a later one was already applied (presence may arrive out of order after a
     * redelivery). Returns 1 when applied.
     */
    public Uni<Integer> applyPresence(String agentId, String displayName, PresenceStatus status, Instant changedAt,
            int capacity) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into agent(id, display_name, status, status_changed_at, available_since, capacity, active)
                        values (?1, ?2, ?3, ?4, case when cast(?3 as varchar) = 'AVAILABLE' then cast(?4 as timestamptz) end, ?5, 0)
                        on conflict (id) do update set
                            display_name = coalesce(excluded.display_name, agent.display_name),
                            status = excluded.status,
                            status_changed_at = excluded.status_changed_at,
                            available_since = case when excluded.status = 'AVAILABLE' and agent.status <> 'AVAILABLE'
                                                   then excluded.status_changed_at else agent.available_since end,
                            capacity = greatest(excluded.capacity, agent.active)
                        where agent.status_changed_at <= excluded.status_changed_at""")
                .setParameter(1, agentId)
                .setParameter(2, displayName)
                .setParameter(3, status.name())
                .setParameter(4, changedAt)
                .setParameter(5, capacity)
                .executeUpdate());
    }

    /** Members of a campaign who may take an interaction now: available and below capacity. */
    public Uni<List<Agent>> eligible(Collection<String> members) {
        if (members.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 and status = ?2 and active < capacity", members, PresenceStatus.AVAILABLE);
    }

    public Uni<List<Agent>> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    /** Takes one unit of the agent's capacity; 0 when it is no longer available or already full. */
    public Uni<Integer> take(String agentId, Instant at) {
        return update("active = active + 1, lastAssignedAt = ?2 where id = ?1 and status = ?3 and active < capacity",
                agentId, at, PresenceStatus.AVAILABLE);
    }

    /** Gives back one unit of capacity when one of the agent's interactions ends. */
    public Uni<Integer> release(String agentId, Instant at) {
        return update("active = active - 1, lastEndedAt = ?2 where id = ?1 and active > 0", agentId, at);
    }
}
