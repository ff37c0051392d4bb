package io.chatsuite.routing.interaction.service;

import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.api.QueueView;
import io.chatsuite.routing.interaction.repository.InteractionRepository;
import io.chatsuite.routing.support.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of queues and interactions for the consoles; callers decide who may see which campaign. */
@ApplicationScoped
public class InteractionQueries {

    private final InteractionRepository interactions;
    private final Campaigns campaigns;
    private final Clock clock;

    public InteractionQueries(InteractionRepository interactions, Campaigns campaigns, Clock clock) {
        this.interactions = interactions;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @WithSession
    public Uni<Interaction> find(String id) {
        return interactions.findById(id);
    }

    @WithSession
    public Uni<QueueView> queue(CampaignUpserted campaign) {
        return interactions.waiting(campaign.campaignId()).map(waiting -> {
            Instant now = Times.now(clock);
            List<QueueView.Waiting> rows = new ArrayList<>();
            for (int index = 0; index < waiting.size(); index++) {
                Interaction i = waiting.get(index);
                rows.add(new QueueView.Waiting(
                        i.id,
                        index + 1,
                        i.customerName,
                        i.language,
                        i.queuedAt,
                        Math.max(0, Duration.between(i.queuedAt, now).toSeconds())));
            }
            return new QueueView(campaign.campaignId(), campaign.name(), campaign.strategy(), rows);
        });
    }

    public Optional<CampaignUpserted> campaign(String campaignId) {
        return campaigns.find(campaignId);
    }
}
