package io.chatsuite.routing.campaign;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The per-campaign row lock that serializes changes to a queue across threads and instances, and the
 * round-robin cursor kept with it. Lock order everywhere: campaign queue, then interaction, then agent.
 */
@ApplicationScoped
public class CampaignQueueLock {

    /** Locks the campaign's queue until the transaction ends; yields the agent its last assignment went to. */
    public Uni<String> lock(String campaignId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into campaign_queue(campaign_id) values (?1) on conflict do nothing")
                .setParameter(1, campaignId).executeUpdate()
                .chain(() -> s.createNativeQuery(
                                "select last_assigned_to from campaign_queue where campaign_id = ?1 for update",
                                String.class)
                        .setParameter(1, campaignId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    public Uni<Void> recordAssignment(String campaignId, String agentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update campaign_queue set last_assigned_to = ?2 where campaign_id = ?1")
                .setParameter(1, campaignId).setParameter(2, agentId).executeUpdate())
                .replaceWithVoid();
    }
}
