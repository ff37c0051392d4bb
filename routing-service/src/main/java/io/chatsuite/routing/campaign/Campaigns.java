package io.chatsuite.routing.campaign;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.config.RoutingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private volatile MembershipIndex memberships;

    public Campaigns(CampaignDirectory directory, RoutingConfig config) {
        this.directory = directory;
        this.config = config;
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
            return pause().chain(() -> await(campaignId, -1));
        }
        Optional<CampaignUpserted> found = directory.find(campaignId);
        long deadline = graceDeadline < 0
                ? System.nanoTime() + config.unknownCampaignGrace().toNanos()
                : graceDeadline;
        if (found.isPresent() || System.nanoTime() >= deadline) {
            return Uni.createFrom().item(found);
        }
        return pause().chain(() -> await(campaignId, deadline));
    }

    private static Uni<Void> pause() {
        return Uni.createFrom().voidItem().onItem().delayIt().by(POLL);
    }

    /**
     * Campaigns the agent is a member of: an agent freed or newly available may serve any of their queues. Asked
     * for every chat that ends, so answered from an index rebuilt only when the campaigns change.
     */
    public List<String> ofAgent(String agentId) {
        MembershipIndex index = memberships;
        long version = directory.version();
        if (index == null || index.version() != version) {
            Map<String, List<String>> byAgent = new HashMap<>();
            directory.all().stream()
                    .sorted(Comparator.comparing(CampaignUpserted::campaignId))
                    .forEach(c -> (c.agentMembers() == null ? List.<String>of() : c.agentMembers())
                            .stream()
                                    .distinct()
                                    .forEach(a -> byAgent.computeIfAbsent(a, k -> new ArrayList<>())
                                            .add(c.campaignId())));
            byAgent.replaceAll((agent, ids) -> List.copyOf(ids));
            index = new MembershipIndex(version, byAgent);
            memberships = index;
        }
        return index.byAgent().getOrDefault(agentId, List.of());
    }

    /** Campaigns per agent as of a version of the directory. */
    private record MembershipIndex(long version, Map<String, List<String>> byAgent) {}

    /** The campaigns of the caller's security groups. */
    public List<CampaignUpserted> inGroups(Set<String> groups) {
        return directory.all().stream()
                .filter(c -> groups.contains(c.securityGroup()))
                .sorted((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name()))
                .toList();
    }
}
