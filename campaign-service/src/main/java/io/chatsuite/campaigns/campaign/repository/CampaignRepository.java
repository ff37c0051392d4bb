package io.chatsuite.campaigns.campaign.repository;

import io.chatsuite.campaigns.campaign.Campaign;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, String> {

    public Uni<List<Campaign>> listInGroups(Collection<String> groups) {
        if (groups.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("securityGroup in ?1", Sort.by("name"), groups);
    }

    public Uni<Boolean> nameTaken(String securityGroup, String name) {
        return count("securityGroup = ?1 and lower(name) = lower(?2)", securityGroup, name).map(n -> n > 0);
    }
}
