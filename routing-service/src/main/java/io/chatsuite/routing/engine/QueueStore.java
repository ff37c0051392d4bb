package io.chatsuite.routing.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.Party;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.offer.OpenOffer;
import io.chatsuite.routing.servicelevel.Intervals;
import io.chatsuite.routing.servicelevel.Outcome;
import io.chatsuite.routing.support.LostRaceException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The engine's SQL: set-based reads and writes on the Vert.x SQL client, a handful of statements per batch
 * whatever its size (arrays bound as parameters and expanded with {@code unnest}). Every write to a row that
 * existed before the batch is guarded by the state the batch read under its locks, and a write that does not
 * find that state fails the whole transaction ({@link LostRaceException}).
 */
final class QueueStore {

    static final String INTERACTION_COLUMNS = "id, campaign_id, state, customer_name, language, requested_at, "
            + "queue_seq, queued_at, announced_position, sl_threshold_seconds, agent_id, assigned_at, closed_at, "
            + "ended_by, reject_reason";
    private static final String OFFER_COLUMNS =
            "interaction_id, agent_id, campaign_id, strategy, offered_at, expires_at, reserves, reason";

    private QueueStore() {
    }

    // ---- locks and reads -------------------------------------------------------------------------------------

    /** Campaign (and state) of each interaction, read without locks: enough to know which queues to lock. */
    static Uni<Map<String, String>> campaignsOf(SqlClient c, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery("select id, campaign_id from interaction where id = any($1)")
                .execute(Tuple.of(strings(ids)))
                .map(rows -> {
                    Map<String, String> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getString("id"), r.getString("campaign_id")));
                    return out;
                });
    }

    /** A queue's row as locked: the round-robin cursor and the number waiting. */
    record QueueRow(String lastAssignedTo, int waiting) {
    }

    /**
     * Locks the queues (in id order: concurrent batches never deadlock on them) until the transaction ends; yields
     * each one's row.
     */
    /**
     * {@code known}: queues whose row was committed before, whose insert is skipped (the caller adds the queues it
     * locked once its transaction committed).
     */
    static Uni<Map<String, QueueRow>> lockQueues(SqlClient c, Collection<String> campaignIds, Set<String> known) {
        String[] ids = campaignIds.stream().sorted().distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        Uni<Void> inserted = known.containsAll(List.of(ids)) ? Uni.createFrom().voidItem()
                : c.preparedQuery("insert into campaign_queue(campaign_id) select unnest($1::varchar[]) "
                        + "on conflict do nothing").execute(Tuple.of((Object) ids)).replaceWithVoid();
        return Uni.combine().all().unis(inserted,
                c.preparedQuery("select campaign_id, last_assigned_to, waiting from campaign_queue "
                        + "where campaign_id = any($1) order by campaign_id for update").execute(Tuple.of((Object) ids)))
                .asTuple().map(Tuple2::getItem2)
                .map(rows -> {
                    Map<String, QueueRow> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getString("campaign_id"),
                            new QueueRow(r.getString("last_assigned_to"), r.getInteger("waiting"))));
                    if (out.size() < ids.length) {
                        // A row believed to exist is not there (its insert was rolled back): insert it this time.
                        known.removeAll(List.of(ids));
                        throw new LostRaceException("queue rows missing for " + List.of(ids));
                    }
                    return out;
                });
    }

    static Uni<Map<String, Interaction>> interactions(SqlClient c, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery("select " + INTERACTION_COLUMNS + " from interaction where id = any($1)")
                .execute(Tuple.of(strings(ids)))
                .map(rows -> {
                    Map<String, Interaction> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getString("id"), interaction(r)));
                    return out;
                });
    }

    /** A waiting interaction's place in its queue now, and the place it was last told (null: never). */
    record Place(String campaignId, String interactionId, int position, Integer announced) {
    }

    /** The place of every waiting interaction of the campaigns. */
    static Uni<List<Place>> places(SqlClient c, Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery("select campaign_id, id, announced_position, row_number() over (partition by campaign_id "
                        + "order by queue_seq) as position from interaction where state = 'QUEUED' "
                        + "and campaign_id = any($1)")
                .execute(Tuple.of(strings(campaignIds)))
                .map(rows -> {
                    List<Place> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Place(r.getString("campaign_id"), r.getString("id"),
                            r.getLong("position").intValue(),
                            r.getInteger("announced_position"))));
                    return out;
                });
    }

    /** The first waiting interactions of each campaign, as many as its limit, first come first. */
    static Uni<Map<String, List<Interaction>>> waitingHeads(SqlClient c, Map<String, Integer> limits) {
        List<String> ids = limits.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery("select w.* from unnest($1::varchar[], $2::int4[]) q(campaign, n) cross join lateral ("
                        + "select " + INTERACTION_COLUMNS + " from interaction where campaign_id = q.campaign "
                        + "and state = 'QUEUED' order by queue_seq limit q.n) w")
                .execute(Tuple.of(strings(ids), map(ids, limits::get, Integer[]::new)))
                .map(rows -> {
                    Map<String, List<Interaction>> out = new HashMap<>();
                    rows.forEach(r -> out.computeIfAbsent(r.getString("campaign_id"), k -> new ArrayList<>())
                            .add(interaction(r)));
                    out.values().forEach(l -> l.sort((x, y) -> Long.compare(x.queueSeq, y.queueSeq)));
                    return out;
                });
    }

    static Uni<List<OpenOffer>> offers(SqlClient c, Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery("select " + OFFER_COLUMNS + " from offer where campaign_id = any($1) "
                        + "order by offered_at, agent_id")
                .execute(Tuple.of(strings(campaignIds)))
                .map(rows -> {
                    List<OpenOffer> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new OpenOffer(r.getString("interaction_id"), r.getString("agent_id"),
                            r.getString("campaign_id"), Strategy.valueOf(r.getString("strategy")),
                            instant(r, "offered_at"), instant(r, "expires_at"), r.getBoolean("reserves"),
                            reason(r.getString("reason")))));
                    return out;
                });
    }

    /** Per campaign and waiting interaction, the agents skipped for it and the end of each one's rest. */
    static Uni<Map<String, Map<String, Map<String, Instant>>>> skips(SqlClient c, Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery("select i.campaign_id, k.interaction_id, k.agent_id, k.skip_until from offer_skip k "
                        + "join interaction i on i.id = k.interaction_id "
                        + "where i.campaign_id = any($1) and i.state = 'QUEUED'")
                .execute(Tuple.of(strings(campaignIds)))
                .map(rows -> {
                    Map<String, Map<String, Map<String, Instant>>> out = new HashMap<>();
                    rows.forEach(r -> out.computeIfAbsent(r.getString("campaign_id"), k -> new HashMap<>())
                            .computeIfAbsent(r.getString("interaction_id"), k -> new TreeMap<>())
                            .put(r.getString("agent_id"), instant(r, "skip_until")));
                    return out;
                });
    }

    /**
     * Locks the agents (in id order, after the queues: the lock order everywhere) and reads them with the number
     * of their open offers that hold capacity, in any campaign: {@code agentIds}, the agents of those of
     * {@code interactionIds} that are assigned, and the agents holding offers of {@code campaignIds}.
     */
    static Uni<Map<String, AgentState>> lockAgents(SqlClient c, Collection<String> agentIds,
            Collection<String> interactionIds, Collection<String> campaignIds) {
        String[] ids = agentIds.stream().sorted().distinct().toArray(String[]::new);
        String[] interactions = strings(interactionIds);
        String[] campaigns = strings(campaignIds);
        String chosen = "select id from agent where id = any($1) "
                + "or id in (select agent_id from interaction where id = any($2) and state = 'ASSIGNED') "
                + "or id in (select agent_id from offer where campaign_id = any($3))";
        // Two statements sent together: the count runs after the locks are held, so it sees every offer committed
        // by whoever held them before.
        return Uni.combine().all().unis(
                c.preparedQuery("select id, status, active, capacity, desired_capacity, last_ended_at, "
                        + "available_since from agent where id in (" + chosen + ") order by id for update")
                        .execute(Tuple.of(ids, interactions, campaigns)),
                c.preparedQuery("select agent_id, count(*) as n from offer where reserves "
                        + "and agent_id in (" + chosen + ") group by agent_id")
                        .execute(Tuple.of(ids, interactions, campaigns)))
                .asTuple().map(read -> {
                    Map<String, AgentState> out = new HashMap<>();
                    read.getItem1().forEach(r -> out.put(r.getString("id"), new AgentState(r.getString("id"),
                            PresenceStatus.valueOf(r.getString("status")), r.getInteger("active"),
                            r.getInteger("capacity"), r.getInteger("desired_capacity"), instant(r, "last_ended_at"),
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

    /** Average seconds from queued to assigned of each campaign's last {@code samples} answers (absent: none). */
    static Uni<Map<String, Double>> averageWaits(SqlClient c, Collection<String> campaignIds, int samples) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery("""
                        select q.campaign, (select avg(extract(epoch from (assigned_at - queued_at)))::float8 from (
                            select assigned_at, queued_at from interaction
                            where campaign_id = q.campaign and assigned_at is not null and queued_at is not null
                            order by assigned_at desc limit $2) recent) as average
                        from unnest($1::varchar[]) q(campaign)""")
                .execute(Tuple.of(strings(campaignIds), samples))
                .map(rows -> {
                    Map<String, Double> out = new HashMap<>();
                    rows.forEach(r -> {
                        Double average = r.getDouble("average");
                        if (average != null) {
                            out.put(r.getString("campaign"), average);
                        }
                    });
                    return out;
                });
    }

    static Uni<List<Long>> queueSeqs(SqlClient c, int count) {
        if (count == 0) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery("select nextval('interaction_queue_seq') as seq from generate_series(1, $1)")
                .execute(Tuple.of(count))
                .map(rows -> {
                    List<Long> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getLong("seq")));
                    out.sort(Long::compareTo);
                    return out;
                });
    }

    /** Campaigns with someone waiting (for the sweep). */
    static Uni<List<String>> campaignsWithWaiting(SqlClient c) {
        return c.query("select distinct campaign_id from interaction where state = 'QUEUED'").execute()
                .map(rows -> column(rows, "campaign_id"));
    }

    /** Campaigns with an offer due to expire at {@code now} (for the expiry check). */
    static Uni<List<String>> campaignsWithExpiredOffers(SqlClient c, Instant now) {
        return c.preparedQuery("select distinct campaign_id from offer where expires_at <= $1")
                .execute(Tuple.of(time(now)))
                .map(rows -> column(rows, "campaign_id"));
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    static Uni<Void> insertInteractions(SqlClient c, List<Interaction> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("insert into interaction(" + INTERACTION_COLUMNS + ") select * from unnest("
                        + "$1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], "
                        + "$6::timestamptz[], $7::int8[], $8::timestamptz[], $9::int4[], $10::int4[], $11::varchar[], "
                        + "$12::timestamptz[], $13::timestamptz[], $14::varchar[], $15::varchar[])")
                .execute(Tuple.wrap(new Object[] {
                        map(rows, i -> i.id, String[]::new), map(rows, i -> i.campaignId, String[]::new),
                        map(rows, i -> i.state.name(), String[]::new), map(rows, i -> i.customerName, String[]::new),
                        map(rows, i -> i.language, String[]::new), map(rows, i -> time(i.requestedAt),
                                OffsetDateTime[]::new),
                        map(rows, i -> i.queueSeq, Long[]::new), map(rows, i -> time(i.queuedAt), OffsetDateTime[]::new),
                        map(rows, i -> i.announcedPosition, Integer[]::new),
                        map(rows, i -> i.slThresholdSeconds, Integer[]::new), map(rows, i -> i.agentId, String[]::new),
                        map(rows, i -> time(i.assignedAt), OffsetDateTime[]::new),
                        map(rows, i -> time(i.closedAt), OffsetDateTime[]::new),
                        map(rows, i -> i.endedBy == null ? null : i.endedBy.name(), String[]::new),
                        map(rows, i -> i.rejectReason == null ? null : i.rejectReason.name(), String[]::new) }))
                .replaceWithVoid();
    }

    /** Writes the changed interactions that existed before the batch, each only if still in the state it was read in. */
    static Uni<Void> updateInteractions(SqlClient c, List<Interaction> rows, Map<String, InteractionState> readAs) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("""
                        update interaction i set state = x.state, agent_id = x.agent_id, assigned_at = x.assigned_at,
                            closed_at = x.closed_at, ended_by = x.ended_by, announced_position = x.announced_position
                        from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::timestamptz[],
                                    $6::timestamptz[], $7::varchar[], $8::int4[])
                             as x(id, read_as, state, agent_id, assigned_at, closed_at, ended_by, announced_position)
                        where i.id = x.id and i.state = x.read_as""")
                .execute(Tuple.wrap(new Object[] {
                        map(rows, i -> i.id, String[]::new), map(rows, i -> readAs.get(i.id).name(), String[]::new),
                        map(rows, i -> i.state.name(), String[]::new), map(rows, i -> i.agentId, String[]::new),
                        map(rows, i -> time(i.assignedAt), OffsetDateTime[]::new),
                        map(rows, i -> time(i.closedAt), OffsetDateTime[]::new),
                        map(rows, i -> i.endedBy == null ? null : i.endedBy.name(), String[]::new),
                        map(rows, i -> i.announcedPosition, Integer[]::new) }))
                .invoke(result -> expect(result.rowCount(), rows.size(), "interactions changed meanwhile"))
                .replaceWithVoid();
    }

    static Uni<Void> deleteOffers(SqlClient c, List<OpenOffer> offers) {
        if (offers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("delete from offer o using unnest($1::varchar[], $2::varchar[]) as x(i, a) "
                        + "where o.interaction_id = x.i and o.agent_id = x.a")
                .execute(Tuple.of(map(offers, OpenOffer::interactionId, String[]::new),
                        map(offers, OpenOffer::agentId, String[]::new)))
                .replaceWithVoid();
    }

    static Uni<Void> insertOffers(SqlClient c, List<OpenOffer> offers) {
        if (offers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("insert into offer(" + OFFER_COLUMNS + ") select * from unnest($1::varchar[], "
                        + "$2::varchar[], $3::varchar[], $4::varchar[], $5::timestamptz[], $6::timestamptz[], "
                        + "$7::bool[], $8::text[]) on conflict do nothing")
                .execute(Tuple.wrap(new Object[] {
                        map(offers, OpenOffer::interactionId, String[]::new),
                        map(offers, OpenOffer::agentId, String[]::new), map(offers, OpenOffer::campaignId, String[]::new),
                        map(offers, o -> o.strategy().name(), String[]::new),
                        map(offers, o -> time(o.offeredAt()), OffsetDateTime[]::new),
                        map(offers, o -> time(o.expiresAt()), OffsetDateTime[]::new),
                        map(offers, OpenOffer::reserves, Boolean[]::new),
                        map(offers, o -> json(o.reason()), String[]::new) }))
                .replaceWithVoid();
    }

    /** Skips of interactions that left the queue go; {@code skips} (interaction, agent, until) are upserted. */
    static Uni<Void> writeSkips(SqlClient c, Collection<String> leftQueue, List<Skip> skips) {
        Uni<Void> cleared = leftQueue.isEmpty() ? Uni.createFrom().voidItem()
                : c.preparedQuery("delete from offer_skip where interaction_id = any($1)")
                        .execute(Tuple.of(strings(leftQueue))).replaceWithVoid();
        if (skips.isEmpty()) {
            return cleared;
        }
        return cleared.chain(() -> c.preparedQuery("""
                        insert into offer_skip(interaction_id, agent_id, skip_until)
                        select * from unnest($1::varchar[], $2::varchar[], $3::timestamptz[])
                        on conflict (interaction_id, agent_id) do update set skip_until = excluded.skip_until""")
                .execute(Tuple.of(map(skips, Skip::interactionId, String[]::new),
                        map(skips, Skip::agentId, String[]::new), map(skips, s -> time(s.until()), OffsetDateTime[]::new)))
                .replaceWithVoid());
    }

    record Skip(String interactionId, String agentId, Instant until) {
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
                .execute(Tuple.of(map(agents, a -> a.id, String[]::new), map(agents, a -> a.readActive, Integer[]::new),
                        map(agents, a -> a.active, Integer[]::new), map(agents, a -> a.capacity, Integer[]::new),
                        map(agents, a -> time(a.lastAssignedAt), OffsetDateTime[]::new),
                        map(agents, a -> time(a.lastEndedAt), OffsetDateTime[]::new)))
                .invoke(result -> expect(result.rowCount(), agents.size(), "agents changed meanwhile"))
                .replaceWithVoid();
    }

    /** Writes the queues' cursors and lengths. */
    static Uni<Void> updateQueues(SqlClient c, Map<String, QueueRow> queues) {
        if (queues.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = List.copyOf(queues.keySet());
        return c.preparedQuery("update campaign_queue q set last_assigned_to = x.agent, waiting = x.waiting "
                        + "from unnest($1::varchar[], $2::varchar[], $3::int4[]) as x(campaign, agent, waiting) "
                        + "where q.campaign_id = x.campaign")
                .execute(Tuple.of(strings(ids), map(ids, id -> queues.get(id).lastAssignedTo(), String[]::new),
                        map(ids, id -> queues.get(id).waiting(), Integer[]::new)))
                .replaceWithVoid();
    }

    /** Adds the batch's outcomes to the service-level counters, one row per campaign and interval. */
    static Uni<Void> countOutcomes(SqlClient c, Map<IntervalKey, int[]> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<IntervalKey> keys = List.copyOf(counts.keySet());
        Object[] columns = new Object[2 + Outcome.values().length];
        columns[0] = map(keys, IntervalKey::campaignId, String[]::new);
        columns[1] = map(keys, k -> time(k.intervalStart()), OffsetDateTime[]::new);
        for (Outcome o : Outcome.values()) {
            columns[2 + o.ordinal()] = map(keys, k -> counts.get(k)[o.ordinal()], Integer[]::new);
        }
        StringBuilder sql = new StringBuilder("insert into service_level_interval as s(campaign_id, interval_start");
        StringBuilder types = new StringBuilder("$1::varchar[], $2::timestamptz[]");
        StringBuilder update = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            sql.append(", ").append(o.column());
            types.append(", $").append(3 + o.ordinal()).append("::int4[]");
            update.append(update.isEmpty() ? "" : ", ").append(o.column()).append(" = s.").append(o.column())
                    .append(" + excluded.").append(o.column());
        }
        sql.append(") select * from unnest(").append(types).append(") on conflict (campaign_id, interval_start) ")
                .append("do update set ").append(update);
        return c.preparedQuery(sql.toString()).execute(Tuple.wrap(columns)).replaceWithVoid();
    }

    /** A campaign's counters of one 15-minute interval. */
    record IntervalKey(String campaignId, Instant intervalStart) {

        static IntervalKey of(String campaignId, Instant arrivedAt) {
            return new IntervalKey(campaignId, Intervals.start(arrivedAt));
        }
    }

    // ---- mapping ---------------------------------------------------------------------------------------------

    static Interaction interaction(Row r) {
        Interaction i = new Interaction();
        i.id = r.getString("id");
        i.campaignId = r.getString("campaign_id");
        i.state = InteractionState.valueOf(r.getString("state"));
        i.customerName = r.getString("customer_name");
        i.language = r.getString("language");
        i.requestedAt = instant(r, "requested_at");
        i.queueSeq = r.getLong("queue_seq");
        i.queuedAt = instant(r, "queued_at");
        i.announcedPosition = r.getInteger("announced_position");
        i.slThresholdSeconds = r.getInteger("sl_threshold_seconds");
        i.agentId = r.getString("agent_id");
        i.assignedAt = instant(r, "assigned_at");
        i.closedAt = instant(r, "closed_at");
        String endedBy = r.getString("ended_by");
        i.endedBy = endedBy == null ? null : Party.valueOf(endedBy);
        String reject = r.getString("reject_reason");
        i.rejectReason = reject == null ? null : RejectReason.valueOf(reject);
        return i;
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static String[] strings(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    private static <T, R> R[] map(List<T> rows, Function<T, R> f, java.util.function.IntFunction<R[]> array) {
        R[] out = array.apply(rows.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(rows.get(i));
        }
        return out;
    }

    private static List<String> column(io.vertx.mutiny.sqlclient.RowSet<Row> rows, String name) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getString(name)));
        return out;
    }

    private static void expect(int actual, int expected, String what) {
        if (actual != expected) {
            throw new LostRaceException(what + " (" + actual + " of " + expected + " rows as read)");
        }
    }

    private static String json(AssignmentReason reason) {
        try {
            return reason == null ? null : EventCodec.mapper().writeValueAsString(reason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AssignmentReason reason(String json) {
        try {
            return json == null ? null : EventCodec.mapper().readValue(json, AssignmentReason.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
