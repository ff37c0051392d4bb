package io.chatsuite.routing.engine;

import static io.chatsuite.routing.engine.SqlValues.column;
import static io.chatsuite.routing.engine.SqlValues.expect;
import static io.chatsuite.routing.engine.SqlValues.instant;
import static io.chatsuite.routing.engine.SqlValues.map;
import static io.chatsuite.routing.engine.SqlValues.strings;
import static io.chatsuite.routing.engine.SqlValues.time;

import io.chatsuite.events.Party;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code interaction} table as the engine reads and writes it: set-based statements, a handful per batch
 * whatever its size (arrays bound as parameters and expanded with {@code unnest}). Only the routing engine writes
 * it (the REST API reads it). A write to a row that existed before the batch is guarded by the state the batch
 * read under its locks.
 */
final class InteractionStore {

    private static final String INTERACTION_COLUMNS = "id, campaign_id, state, customer_name, language, requested_at, "
            + "queue_seq, queued_at, announced_position, sl_threshold_seconds, agent_id, assigned_at, closed_at, "
            + "ended_by, reject_reason";

    private InteractionStore() {}

    /** A waiting interaction's place in its queue now, and the place it was last told (null: never). */
    record Place(String campaignId, String interactionId, int position, Integer announced) {}

    /** Campaign of each interaction, read without locks: enough to know which queues to lock. */
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

    /** The place of every waiting interaction of the campaigns. */
    static Uni<List<Place>> places(SqlClient c, Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery(
                        "select campaign_id, id, announced_position, row_number() over (partition by campaign_id "
                                + "order by queue_seq) as position from interaction where state = 'QUEUED' "
                                + "and campaign_id = any($1)")
                .execute(Tuple.of(strings(campaignIds)))
                .map(rows -> {
                    List<Place> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Place(
                            r.getString("campaign_id"),
                            r.getString("id"),
                            r.getLong("position").intValue(),
                            r.getInteger("announced_position"))));
                    return out;
                });
    }

    /** The first waiting interactions of each campaign, as many as its limit, first come first. */
    static Uni<Map<String, List<Interaction>>> waitingHeads(SqlClient c, Map<String, Integer> limits) {
        List<String> ids = limits.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .toList();
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

    /** {@code count} queue sequence numbers for arrivals, in order. */
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
        return c.query("select distinct campaign_id from interaction where state = 'QUEUED'")
                .execute()
                .map(rows -> column(rows, "campaign_id"));
    }

    static Uni<Void> insertInteractions(SqlClient c, List<Interaction> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("insert into interaction(" + INTERACTION_COLUMNS + ") select * from unnest("
                        + "$1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], "
                        + "$6::timestamptz[], $7::int8[], $8::timestamptz[], $9::int4[], $10::int4[], $11::varchar[], "
                        + "$12::timestamptz[], $13::timestamptz[], $14::varchar[], $15::varchar[])")
                .execute(Tuple.wrap(new Object[] {
                    map(rows, i -> i.id, String[]::new),
                    map(rows, i -> i.campaignId, String[]::new),
                    map(rows, i -> i.state.name(), String[]::new),
                    map(rows, i -> i.customerName, String[]::new),
                    map(rows, i -> i.language, String[]::new),
                    map(rows, i -> time(i.requestedAt), OffsetDateTime[]::new),
                    map(rows, i -> i.queueSeq, Long[]::new),
                    map(rows, i -> time(i.queuedAt), OffsetDateTime[]::new),
                    map(rows, i -> i.announcedPosition, Integer[]::new),
                    map(rows, i -> i.slThresholdSeconds, Integer[]::new),
                    map(rows, i -> i.agentId, String[]::new),
                    map(rows, i -> time(i.assignedAt), OffsetDateTime[]::new),
                    map(rows, i -> time(i.closedAt), OffsetDateTime[]::new),
                    map(rows, i -> i.endedBy == null ? null : i.endedBy.name(), String[]::new),
                    map(rows, i -> i.rejectReason == null ? null : i.rejectReason.name(), String[]::new)
                }))
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
                    map(rows, i -> i.id, String[]::new),
                    map(rows, i -> readAs.get(i.id).name(), String[]::new),
                    map(rows, i -> i.state.name(), String[]::new),
                    map(rows, i -> i.agentId, String[]::new),
                    map(rows, i -> time(i.assignedAt), OffsetDateTime[]::new),
                    map(rows, i -> time(i.closedAt), OffsetDateTime[]::new),
                    map(rows, i -> i.endedBy == null ? null : i.endedBy.name(), String[]::new),
                    map(rows, i -> i.announcedPosition, Integer[]::new)
                }))
                .invoke(result -> expect(result.rowCount(), rows.size(), "interactions changed meanwhile"))
                .replaceWithVoid();
    }

    /** Records the place each interaction was told, for those still waiting. */
    static Uni<Void> updateAnnouncedPositions(SqlClient c, List<String> ids, Map<String, Integer> positions) {
        return c.preparedQuery("update interaction i set announced_position = x.position "
                        + "from unnest($1::varchar[], $2::int4[]) as x(id, position) "
                        + "where i.id = x.id and i.state = 'QUEUED'")
                .execute(Tuple.of(
                        ids.toArray(String[]::new),
                        ids.stream().map(positions::get).toArray(Integer[]::new)))
                .replaceWithVoid();
    }

    private static Interaction interaction(Row r) {
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
}
