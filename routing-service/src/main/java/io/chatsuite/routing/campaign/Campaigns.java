package io.chatsuite.routing.campaign;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.config.RoutingConfig;
import io.chatsuite.routing.support.Retries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Routing's questions about campaigns, answered from the local view of the {@code campaigns} topic. A request
 * may overtake the snapshot of a campaign created a moment ago, so an unknown campaign is waited for briefly
 * before it is declared unknown; nothing is decided before the view has read what the topic held at start.
 */
@ApplicationScoped
public class Campaigns {

    private static final Duration POLL = Duration.ofMillis(100);

    private final CampaignDirectory directory;
    private final RoutingConfig config;
    private final Retries retries;

    public Campaigns(CampaignDirectory directory, RoutingConfig config, Retries retries) {
        this.directory = directory;
        this.config = config;
        this.retries = retries;
    }

    public Optional<CampaignUpserted> find(String campaignId) {
        return directory.find(campaignId);
    }

    public boolean isCaughtUp() {
        return directory.isCaughtUp();
    }

    /** The campaign, waiting for the view to catch up and then for at most the configured grace. */
    public Uni<Optional<CampaignUpserted>> await(String campaignId) {
        return await(campaignId, -1);
    }

    private Uni<Optional<CampaignUpserted>> await(String campaignId, long graceDeadline) {
        if (!directory.isCaughtUp()) {
            return retries.pause(POLL).chain(() -> await(campaignId, -1));
        }
        Optional<CampaignUpserted> found = directory.find(campaignId);
        long deadline = graceDeadline < 0 ? System.nanoTime() + config.unknownCampaignGrace().toNanos()
                : graceDeadline;
        if (found.isPresent() || System.nanoTime() >= deadline) {
            return Uni.createFrom().item(found);
        }
        return retries.pause(POLL).chain(() -> await(campaignId, deadline));
    }

    /** Campaigns the agent is a member of: an agent freed or newly available may serve any of their queues. */
    public List<String> ofAgent(String agentId) {
        return directory.all().stream().filter(c -> c.agentMembers() != null && c.agentMembers().contains(agentId))
                .map(CampaignUpserted::campaignId).sorted().toList();
    }

    /** The campaigns of the caller's security groups. */
    public List<CampaignUpserted> inGroups(Set<String> groups) {
        return directory.all().stream().filter(c -> groups.contains(c.securityGroup()))
                .sorted((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name())).toList();
    }
}
