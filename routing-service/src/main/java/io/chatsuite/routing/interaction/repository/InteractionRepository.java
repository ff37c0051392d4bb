package io.chatsuite.routing.interaction.repository;

import io.chatsuite.events.Party;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Interactions, and the state-guarded transitions that keep each one assigned at most once. */
@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, String> {

    public Uni<Long> nextQueueSeq() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select nextval('interaction_queue_seq')",
                Long.class).getSingleResult());
    }

    /** The campaign's waiting interactions, first come first. */
    public Uni<List<Interaction>> waiting(String campaignId) {
        return list("campaignId = ?1 and state = ?2", Sort.by("queueSeq"), campaignId, InteractionState.QUEUED);
    }

    public Uni<Interaction> oldestWaiting(String campaignId) {
        return find("campaignId = ?1 and state = ?2", Sort.by("queueSeq"), campaignId, InteractionState.QUEUED)
                .firstResult();
    }

    public Uni<Long> countWaiting(String campaignId) {
        return count("campaignId = ?1 and state = ?2", campaignId, InteractionState.QUEUED);
    }

    /** Campaigns that have someone waiting (for the sweep). */
    public Uni<List<String>> campaignsWithWaiting() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select distinct campaign_id from interaction where state = 'QUEUED'", String.class).getResultList());
    }

    /** QUEUED → ASSIGNED; 0 when someone else changed it first. */
    public Uni<Integer> assign(String id, String agentId, Instant at) {
        return update("state = ?2, agentId = ?3, assignedAt = ?4, announcedPosition = null where id = ?1 and state = ?5",
                id, InteractionState.ASSIGNED, agentId, at, InteractionState.QUEUED);
    }

    /** QUEUED → ABANDONED; 0 when it was not waiting any more. */
    public Uni<Integer> abandon(String id, Instant at) {
        return update("state = ?2, closedAt = ?3, endedBy = ?4, announcedPosition = null where id = ?1 and state = ?5",
                id, InteractionState.ABANDONED, at, Party.CUSTOMER, InteractionState.QUEUED);
    }

    /** ASSIGNED → ENDED; 0 when it was not assigned (any more). */
    public Uni<Integer> end(String id, Party endedBy, Instant at) {
        return update("state = ?2, closedAt = ?3, endedBy = ?4 where id = ?1 and state = ?5",
                id, InteractionState.ENDED, at, endedBy, InteractionState.ASSIGNED);
    }

    /** Average seconds from queued to assigned of the campaign's last {@code samples} answers; null when none. */
    public Uni<Double> averageWaitSeconds(String campaignId, int samples) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select avg(extract(epoch from (assigned_at - queued_at))) from (
                            select assigned_at, queued_at from interaction
                            where campaign_id = ?1 and assigned_at is not null and queued_at is not null
                            order by assigned_at desc limit ?2) recent""", Object.class)
                .setParameter(1, campaignId).setParameter(2, samples).getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).doubleValue());
    }

    public Uni<Integer> announcePosition(String id, int position) {
        return update("announcedPosition = ?2 where id = ?1 and state = ?3", id, position, InteractionState.QUEUED);
    }
}
