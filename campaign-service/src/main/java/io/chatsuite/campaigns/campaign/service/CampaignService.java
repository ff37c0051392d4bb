package io.chatsuite.campaigns.campaign.service;

import io.chatsuite.campaigns.campaign.Campaign;
import io.chatsuite.campaigns.campaign.api.CampaignRequest;
import io.chatsuite.campaigns.campaign.mapping.CampaignMapper;
import io.chatsuite.campaigns.campaign.repository.CampaignRepository;
import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.commons.problem.Problem;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.events.EventCodec;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Creates and reads campaigns; every change is announced on the campaigns topic through the outbox. */
@ApplicationScoped
public class CampaignService {

    static final String SOURCE = "/campaign-service";

    private final CampaignRepository repository;
    private final Outbox outbox;

    public CampaignService(CampaignRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Campaign> create(CampaignRequest request, Collection<String> callerGroups) {
        requireGroup(request.securityGroup(), callerGroups);
        return repository.nameTaken(request.securityGroup(), request.name().strip()).chain(taken -> {
            if (taken) {
                throw ProblemException.conflict("A campaign named '" + request.name().strip()
                        + "' already exists in security group " + request.securityGroup());
            }
            Campaign campaign = new Campaign();
            campaign.id = UUID.randomUUID().toString();
            CampaignMapper.apply(request, campaign);
            campaign.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            campaign.updatedAt = campaign.createdAt;
            return repository.persistAndFlush(campaign).chain(() -> announce(campaign)).replaceWith(campaign);
        });
    }

    @WithSession
    public Uni<Campaign> find(String id, Collection<String> callerGroups) {
        return repository.findById(id).map(c -> c != null && callerGroups.contains(c.securityGroup) ? c : null);
    }

    @WithSession
    public Uni<List<Campaign>> list(Collection<String> callerGroups) {
        return repository.listInGroups(callerGroups);
    }

    private Uni<Void> announce(Campaign campaign) {
        return outbox.add(campaign.id, EventCodec.wrap(SOURCE, campaign.id, CampaignMapper.toEvent(campaign)));
    }

    private static void requireGroup(String group, Collection<String> callerGroups) {
        if (!callerGroups.contains(group)) {
            throw ProblemException.badRequest("You can only manage campaigns of your own security groups",
                    List.of(new Problem.FieldError("securityGroup", "not one of your security groups "
                            + callerGroups)));
        }
    }
}
