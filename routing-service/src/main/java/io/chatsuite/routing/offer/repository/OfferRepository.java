package io.chatsuite.routing.offer.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.routing.offer.OpenOffer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open offers and the agents skipped per interaction. Plain SQL: rows are inserted and deleted under the campaign's
 * queue lock and read back in the same transaction, which managed entities would serve stale.
 */
@ApplicationScoped
public class OfferRepository {

    private static final String COLUMNS =
            "interaction_id, agent_id, campaign_id, strategy, offered_at, expires_at, reserves, reason";

    public Uni<List<OpenOffer>> ofCampaign(String campaignId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS
                        + " from offer where campaign_id = ?1 order by offered_at, agent_id", Object[].class)
                .setParameter(1, campaignId).getResultList())
                .map(rows -> rows.stream().map(OfferRepository::toOffer).toList());
    }

    public Uni<OpenOffer> find(String interactionId, String agentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS
                        + " from offer where interaction_id = ?1 and agent_id = ?2", Object[].class)
                .setParameter(1, interactionId).setParameter(2, agentId).getResultList())
                .map(rows -> rows.isEmpty() ? null : toOffer(rows.get(0)));
    }

    /** Open offers holding capacity, per agent, across every campaign. */
    public Uni<Map<String, Integer>> reservedBy(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select agent_id, count(*) from offer where reserves and agent_id in (?1) group by agent_id",
                        Object[].class)
                .setParameter(1, agentIds).getResultList())
                .map(rows -> {
                    Map<String, Integer> reserved = new HashMap<>();
                    rows.forEach(r -> reserved.put((String) r[0], ((Number) r[1]).intValue()));
                    return reserved;
                });
    }

    public Uni<Void> insert(OpenOffer o) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into offer(" + COLUMNS
                        + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing")
                .setParameter(1, o.interactionId())
                .setParameter(2, o.agentId())
                .setParameter(3, o.campaignId())
                .setParameter(4, o.strategy().name())
                .setParameter(5, o.offeredAt())
                .setParameter(6, o.expiresAt())
                .setParameter(7, o.reserves())
                .setParameter(8, json(o.reason()))
                .executeUpdate()).replaceWithVoid();
    }

    /** Withdraws one offer; 1 when it was open. */
    public Uni<Integer> delete(String interactionId, String agentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "delete from offer where interaction_id = ?1 and agent_id = ?2")
                .setParameter(1, interactionId).setParameter(2, agentId).executeUpdate());
    }

    /** The interaction left the queue: its offers and skips go. */
    public Uni<Void> clear(String interactionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from offer where interaction_id = ?1")
                .setParameter(1, interactionId).executeUpdate()
                .chain(() -> s.createNativeQuery("delete from offer_skip where interaction_id = ?1")
                        .setParameter(1, interactionId).executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Void> skip(String interactionId, String agentId, Instant until) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into offer_skip(interaction_id, agent_id, skip_until) values (?1, ?2, ?3)
                        on conflict (interaction_id, agent_id) do update set skip_until = excluded.skip_until""")
                .setParameter(1, interactionId).setParameter(2, agentId).setParameter(3, until)
                .executeUpdate()).replaceWithVoid();
    }

    /** Per waiting interaction of the campaign, the agents skipped for it, each with the end of its rest. */
    public Uni<Map<String, Map<String, Instant>>> skipped(String campaignId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select k.interaction_id, k.agent_id, k.skip_until
                        from offer_skip k join interaction i on i.id = k.interaction_id
                        where i.campaign_id = ?1 and i.state = 'QUEUED'""", Object[].class)
                .setParameter(1, campaignId).getResultList())
                .map(rows -> {
                    Map<String, Map<String, Instant>> skipped = new HashMap<>();
                    rows.forEach(r -> skipped.computeIfAbsent((String) r[0], k -> new TreeMap<>())
                            .put((String) r[1], instant(r[2])));
                    return skipped;
                });
    }

    /** Campaigns with an offer due to expire at {@code now} (for the expiry check). */
    public Uni<List<String>> campaignsWithExpired(Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select distinct campaign_id from offer where expires_at <= ?1", String.class)
                .setParameter(1, now).getResultList());
    }

    private static OpenOffer toOffer(Object[] r) {
        return new OpenOffer((String) r[0], (String) r[1], (String) r[2], Strategy.valueOf((String) r[3]),
                instant(r[4]), instant(r[5]), (Boolean) r[6], reason((String) r[7]));
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

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case Date d -> d.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp " + value);
        };
    }
}
