package io.chatsuite.routing.engine;

import static io.chatsuite.routing.engine.SqlValues.column;
import static io.chatsuite.routing.engine.SqlValues.instant;
import static io.chatsuite.routing.engine.SqlValues.map;
import static io.chatsuite.routing.engine.SqlValues.strings;
import static io.chatsuite.routing.engine.SqlValues.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.routing.offer.OpenOffer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code offer} and {@code offer_skip} tables: the open offers of waiting interactions, and the agents who
 * declined or let an offer expire, each resting until a given instant. Only the routing engine writes them.
 */
final class OfferStore {

    private static final String OFFER_COLUMNS =
            "interaction_id, agent_id, campaign_id, strategy, offered_at, expires_at, reserves, reason";

    private OfferStore() {}

    /** An agent skipped for an interaction until an instant. */
    record Skip(String interactionId, String agentId, Instant until) {}

    static Uni<List<OpenOffer>> offers(SqlClient c, Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery("select " + OFFER_COLUMNS + " from offer where campaign_id = any($1) "
                        + "order by offered_at, agent_id")
                .execute(Tuple.of(strings(campaignIds)))
                .map(rows -> {
                    List<OpenOffer> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new OpenOffer(
                            r.getString("interaction_id"),
                            r.getString("agent_id"),
                            r.getString("campaign_id"),
                            Strategy.valueOf(r.getString("strategy")),
                            instant(r, "offered_at"),
                            instant(r, "expires_at"),
                            r.getBoolean("reserves"),
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

    /** Campaigns with an offer due to expire at {@code now} (for the expiry check). */
    static Uni<List<String>> campaignsWithExpiredOffers(SqlClient c, Instant now) {
        return c.preparedQuery("select distinct campaign_id from offer where expires_at <= $1")
                .execute(Tuple.of(time(now)))
                .map(rows -> column(rows, "campaign_id"));
    }

    static Uni<Void> deleteOffers(SqlClient c, List<OpenOffer> offers) {
        if (offers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("delete from offer o using unnest($1::varchar[], $2::varchar[]) as x(i, a) "
                        + "where o.interaction_id = x.i and o.agent_id = x.a")
                .execute(Tuple.of(
                        map(offers, OpenOffer::interactionId, String[]::new),
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
                    map(offers, OpenOffer::agentId, String[]::new),
                    map(offers, OpenOffer::campaignId, String[]::new),
                    map(offers, o -> o.strategy().name(), String[]::new),
                    map(offers, o -> time(o.offeredAt()), OffsetDateTime[]::new),
                    map(offers, o -> time(o.expiresAt()), OffsetDateTime[]::new),
                    map(offers, OpenOffer::reserves, Boolean[]::new),
                    map(offers, o -> json(o.reason()), String[]::new)
                }))
                .replaceWithVoid();
    }

    /** Skips of interactions that left the queue go; {@code skips} (interaction, agent, until) are upserted. */
    static Uni<Void> writeSkips(SqlClient c, Collection<String> leftQueue, List<Skip> skips) {
        Uni<Void> cleared = leftQueue.isEmpty()
                ? Uni.createFrom().voidItem()
                : c.preparedQuery("delete from offer_skip where interaction_id = any($1)")
                        .execute(Tuple.of(strings(leftQueue)))
                        .replaceWithVoid();
        if (skips.isEmpty()) {
            return cleared;
        }
        return cleared.chain(() -> c.preparedQuery("""
                        insert into offer_skip(interaction_id, agent_id, skip_until)
                        select * from unnest($1::varchar[], $2::varchar[], $3::timestamptz[])
                        on conflict (interaction_id, agent_id) do update set skip_until = excluded.skip_until""")
                .execute(Tuple.of(
                        map(skips, Skip::interactionId, String[]::new),
                        map(skips, Skip::agentId, String[]::new),
                        map(skips, s -> time(s.until()), OffsetDateTime[]::new)))
                .replaceWithVoid());
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
