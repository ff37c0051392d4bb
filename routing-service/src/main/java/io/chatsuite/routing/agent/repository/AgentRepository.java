package io.chatsuite.routing.agent.repository;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.routing.agent.Agent;
import io.chatsuite.routing.offer.repository.OfferRepository;
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

    /**
     * Locks the agents (in id order, so concurrent planners of different campaigns cannot deadlock) and reads them
     * as they are now. Plain SQL: an entity loaded earlier in the transaction would be served stale.
     */
    public Uni<List<AgentRow>> lockAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id, status, active, capacity, last_ended_at, available_since from agent
                        where id in (?1) order by id for update""", Object[].class)
                .setParameter(1, ids).getResultList())
                .map(rows -> rows.stream().map(r -> new AgentRow((String) r[0],
                        PresenceStatus.valueOf((String) r[1]), ((Number) r[2]).intValue(),
                        ((Number) r[3]).intValue(), OfferRepository.instant(r[4]), OfferRepository.instant(r[5])))
                        .toList());
    }

    /** An agent as locked for planning. */
    public record AgentRow(String id, PresenceStatus status, int active, int capacity, Instant lastEndedAt,
            Instant availableSince) {

        public boolean available() {
            return status == PresenceStatus.AVAILABLE;
        }
    }

    public Uni<Long> countAvailable(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return count("id in ?1 and status = ?2", ids, PresenceStatus.AVAILABLE);
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
        // A capacity lowered while the agent held more comes down as its chats end.
        return update("active = active - 1, lastEndedAt = ?2, capacity = greatest(desiredCapacity, active - 1) "
                + "where id = ?1 and active > 0", agentId, at);
    }
}
