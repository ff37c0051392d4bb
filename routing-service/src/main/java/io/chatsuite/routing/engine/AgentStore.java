package io.chatsuite.routing.engine;

import static io.chatsuite.routing.engine.SqlValues.expect;
import static io.chatsuite.routing.engine.SqlValues.instant;
import static io.chatsuite.routing.engine.SqlValues.map;
import static io.chatsuite.routing.engine.SqlValues.strings;
import static io.chatsuite.routing.engine.SqlValues.time;

import io.chatsuite.events.agent.PresenceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Owns routing's {@code agent} table: the only code that writes it. Presence and profiles set an agent's
 * availability and capacity (conditional upserts, so a late or repeated event changes nothing); the routing engine
 * locks agents in id order and writes their load, guarded by what it read under the lock.
 */
public final class AgentStore {

    private AgentStore() {}

    /**
     * Applies a presence change unless a later one was already applied (presence may arrive out of order after a
     * redelivery). Yields whether it was applied. {@code defaultCapacity} applies to agents without a profile.
     */
    public static Uni<Boolean> applyPresence(
            SqlClient c,
            String agentId,
            String displayName,
            PresenceStatus status,
            Instant changedAt,
            int defaultCapacity) {
        return c.preparedQuery("""
                        insert into agent(id, display_name, status, status_changed_at, available_since, capacity,
                                          desired_capacity, active)
                        values ($1, $2, $3, $4, case when $3::varchar = 'AVAILABLE' then $4::timestamptz end, $5, $5, 0)
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
                .execute(Tuple.of(agentId, displayName, status.name(), time(changedAt), defaultCapacity))
                .map(result -> result.rowCount() == 1);
    }

    /**
     * Applies an agent profile's capacity unless a later version was applied. An agent routing has not seen yet is
     * recorded OFFLINE (as of the epoch, so its first presence change applies). A capacity below what the agent
     * holds takes effect as its chats end. Yields whether it was applied.
     */
    public static Uni<Boolean> applyProfile(
            SqlClient c, String agentId, String displayName, int capacity, long version) {
        return c.preparedQuery("""
                        insert into agent(id, display_name, status, status_changed_at, capacity, desired_capacity,
                                          profile_version, active)
                        values ($1, $2, 'OFFLINE', timestamptz '1970-01-01T00:00:00Z', $3, $3, $4, 0)
                        on conflict (id) do update set
                            display_name = coalesce(agent.display_name, excluded.display_name),
                            desired_capacity = excluded.desired_capacity,
                            capacity = greatest(excluded.desired_capacity, agent.active),
                            profile_version = excluded.profile_version
                        where agent.profile_version is null or agent.profile_version <= excluded.profile_version""")
                .execute(Tuple.of(agentId, displayName, capacity, version))
                .map(result -> result.rowCount() == 1);
    }

    /** The agent's profile was deleted: back to the configured default capacity. */
    public static Uni<Void> removeProfile(SqlClient c, String agentId, int defaultCapacity) {
        return c.preparedQuery("""
                        update agent set desired_capacity = $2, capacity = greatest($2, active), profile_version = null
                        where id = $1""").execute(Tuple.of(agentId, defaultCapacity)).replaceWithVoid();
    }

    /**
     * Locks the agents (in id order, after the queues: the lock order everywhere) and reads them with the number
     * of their open offers that hold capacity, in any campaign: {@code agentIds}, the agents of those of
     * {@code interactionIds} that are assigned, and the agents holding offers of {@code campaignIds}.
     */
    static Uni<Map<String, AgentState>> lockAgents(
            SqlClient c,
            Collection<String> agentIds,
            Collection<String> interactionIds,
            Collection<String> campaignIds) {
        String[] ids = agentIds.stream().sorted().distinct().toArray(String[]::new);
        String[] interactions = strings(interactionIds);
        String[] campaigns = strings(campaignIds);
        String chosen = "select id from agent where id = any($1) "
                + "or id in (select agent_id from interaction where id = any($2) and state = 'ASSIGNED') "
                + "or id in (select agent_id from offer where campaign_id = any($3))";
        // Two statements sent together: the count runs after the locks are held, so it sees every offer committed
        // by whoever held them before.
        return Uni.combine()
                .all()
                .unis(
                        c.preparedQuery("select id, status, active, capacity, desired_capacity, last_ended_at, "
                                        + "available_since from agent where id in (" + chosen
                                        + ") order by id for update")
                                .execute(Tuple.of(ids, interactions, campaigns)),
                        c.preparedQuery("select agent_id, count(*) as n from offer where reserves "
                                        + "and agent_id in (" + chosen + ") group by agent_id")
                                .execute(Tuple.of(ids, interactions, campaigns)))
                .asTuple()
                .map(read -> {
                    Map<String, AgentState> out = new HashMap<>();
                    read.getItem1()
                            .forEach(r -> out.put(
                                    r.getString("id"),
                                    new AgentState(
                                            r.getString("id"),
                                            PresenceStatus.valueOf(r.getString("status")),
                                            r.getInteger("active"),
                                            r.getInteger("capacity"),
                                            r.getInteger("desired_capacity"),
                                            instant(r, "last_ended_at"),
                                            instant(r, "available_since"))));
                    read.getItem2().forEach(r -> {
                        AgentState a = out.get(r.getString("agent_id"));
                        if (a != null) {
                            a.reserved = r.getLong("n").intValue();
                        }
                    });
                    return out;
                });
    }

    /** Of {@code agentIds}, those available now (read without locks, for wait estimates). */
    static Uni<Set<String>> available(SqlClient c, Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return c.preparedQuery("select id from agent where id = any($1) and status = $2")
                .execute(Tuple.of(strings(agentIds), PresenceStatus.AVAILABLE.name()))
                .map(rows -> {
                    Set<String> out = new HashSet<>();
                    rows.forEach(r -> out.add(r.getString("id")));
                    return out;
                });
    }

    /** Writes the agents whose load changed, each only if it still holds what the batch read under its lock. */
    static Uni<Void> updateAgents(SqlClient c, List<AgentState> agents) {
        if (agents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("""
                        update agent a set active = x.active, capacity = x.capacity,
                            last_assigned_at = coalesce(x.last_assigned_at, a.last_assigned_at),
                            last_ended_at = coalesce(x.last_ended_at, a.last_ended_at)
                        from unnest($1::varchar[], $2::int4[], $3::int4[], $4::int4[], $5::timestamptz[],
                                    $6::timestamptz[]) as x(id, read_active, active, capacity, last_assigned_at,
                                                            last_ended_at)
                        where a.id = x.id and a.active = x.read_active""")
                .execute(Tuple.of(
                        map(agents, a -> a.id, String[]::new),
                        map(agents, a -> a.readActive, Integer[]::new),
                        map(agents, a -> a.active, Integer[]::new),
                        map(agents, a -> a.capacity, Integer[]::new),
                        map(agents, a -> time(a.lastAssignedAt), OffsetDateTime[]::new),
                        map(agents, a -> time(a.lastEndedAt), OffsetDateTime[]::new)))
                .invoke(result -> expect(result.rowCount(), agents.size(), "agents changed meanwhile"))
                .replaceWithVoid();
    }
}
