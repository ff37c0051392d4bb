package io.chatsuite.campaigns.campaign.service;

import io.chatsuite.campaigns.agent.service.AgentProfileService;
import io.chatsuite.campaigns.campaign.Campaign;
import io.chatsuite.campaigns.campaign.CampaignDefinition;
import io.chatsuite.campaigns.campaign.api.CampaignRequest;
import io.chatsuite.campaigns.campaign.api.MessagePreview;
import io.chatsuite.campaigns.campaign.mapping.CampaignMapper;
import io.chatsuite.campaigns.campaign.repository.CampaignQuery;
import io.chatsuite.campaigns.campaign.repository.CampaignRepository;
import io.chatsuite.campaigns.http.Preconditions;
import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.commons.problem.Problem.FieldError;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.commons.security.Caller;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignDeleted;
import io.chatsuite.events.campaign.MessageCatalog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Creates, reads, replaces and deletes campaigns within the caller's security groups. Every change is
 * announced on the campaigns topic (a full snapshot, or a deletion and a tombstone) through the outbox, and a
 * change of members republishes the profiles of the agents who joined or left.
 */
@ApplicationScoped
public class CampaignService {

    static final String SOURCE = "/campaign-service";

    private final CampaignRepository repository;
    private final AgentProfileService profiles;
    private final Outbox outbox;

    public CampaignService(CampaignRepository repository, AgentProfileService profiles, Outbox outbox) {
        this.repository = repository;
        this.profiles = profiles;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Campaign> create(Caller caller, CampaignRequest request) {
        CampaignDefinition d = CampaignValidator.validate(request);
        caller.requireGroup(d.securityGroup(), "campaigns");
        return requireFreeName(d, null)
                .chain(() -> {
                    Campaign campaign = new Campaign();
                    campaign.id = UUID.randomUUID().toString();
                    CampaignMapper.apply(d, campaign);
                    campaign.createdAt = now();
                    campaign.updatedAt = campaign.createdAt;
                    return repository
                            .persistAndFlush(campaign)
                            .chain(() -> announce(campaign))
                            .chain(() -> profiles.membershipChanged(d.agentMembers()))
                            .replaceWith(campaign);
                })
                .onFailure(CampaignService::isDuplicateName)
                .transform(e -> duplicate(d));
    }

    @WithTransaction
    public Uni<Campaign> replace(Caller caller, String id, CampaignRequest request, String ifMatch) {
        Preconditions.requireIfMatch(ifMatch);
        CampaignDefinition d = CampaignValidator.validate(request);
        return repository
                .lockById(id)
                .chain(campaign -> {
                    if (campaign == null || !visible(campaign, caller)) {
                        throw ProblemException.notFound("Campaign", id);
                    }
                    Preconditions.check(ifMatch, campaign.version);
                    caller.requireGroup(d.securityGroup(), "campaigns");
                    List<String> before = CampaignMapper.members(campaign);
                    return requireFreeName(d, id).chain(() -> {
                        CampaignMapper.apply(d, campaign);
                        campaign.updatedAt = now();
                        return repository
                                .flush()
                                .chain(() -> announce(campaign))
                                .chain(() -> profiles.membershipChanged(changed(before, d.agentMembers())))
                                .replaceWith(campaign);
                    });
                })
                .onFailure(CampaignService::isDuplicateName)
                .transform(e -> duplicate(d));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id, String ifMatch) {
        return repository.lockById(id).chain(campaign -> {
            if (campaign == null || !visible(campaign, caller)) {
                throw ProblemException.notFound("Campaign", id);
            }
            Preconditions.check(ifMatch, campaign.version);
            List<String> members = CampaignMapper.members(campaign);
            Instant at = now();
            return repository
                    .delete(campaign)
                    .chain(repository::flush)
                    .chain(() -> outbox.add(id, EventCodec.wrap(SOURCE, id, new CampaignDeleted(id, at))))
                    // The tombstone lets compaction forget the campaign; the event tells live consumers why.
                    .chain(() -> outbox.addTombstone(
                            Topics.CAMPAIGNS, id, UUID.randomUUID().toString()))
                    .chain(() -> profiles.membershipChanged(members));
        });
    }

    /** The campaign when the caller may see it; null otherwise (absent and hidden look the same). */
    @WithSession
    public Uni<Campaign> find(Caller caller, String id) {
        return repository.findById(id).map(c -> c != null && visible(c, caller) ? c : null);
    }

    @WithSession
    public Uni<CampaignRepository.Result> list(CampaignQuery query) {
        return repository.search(query);
    }

    /**
     * The text a customer asking in {@code language} would get for {@code kind}, by the suite's one fallback
     * rule; a 404 problem when no language has it.
     */
    public static MessagePreview preview(
            Map<String, Map<String, String>> messages, String defaultLanguage, String kind, String language) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null || !MessageCatalog.KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", MessageCatalog.KINDS)));
        }
        if (language != null && !language.isBlank() && MessageCatalog.normalize(language) == null) {
            errors.add(new FieldError("language", "must be one of es, en, pt"));
        }
        if (defaultLanguage != null && !MessageCatalog.LANGUAGES.contains(defaultLanguage)) {
            errors.add(new FieldError("defaultLanguage", "must be one of es, en, pt"));
        }
        CampaignValidator.failIfAny(errors, "The preview request has invalid parameters");
        String requested =
                language == null || language.isBlank() ? defaultLanguage : MessageCatalog.normalize(language);
        return MessageCatalog.resolve(messages, kind, requested, defaultLanguage)
                .map(r -> new MessagePreview(
                        kind, requested, r.language(), r.text(), !r.language().equals(requested)))
                .orElseThrow(() ->
                        new ProblemException(404, "Not Found", "No text for message '" + kind + "' in any language"));
    }

    private Uni<Void> requireFreeName(CampaignDefinition d, String exceptId) {
        return repository
                .nameTaken(d.securityGroup(), d.name(), exceptId)
                .invoke(taken -> {
                    if (taken) {
                        throw duplicate(d);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> announce(Campaign campaign) {
        return outbox.add(campaign.id, EventCodec.wrap(SOURCE, campaign.id, CampaignMapper.toEvent(campaign)));
    }

    static boolean visible(Campaign c, Caller caller) {
        return caller.inGroup(c.securityGroup) && (caller.overseesGroups() || c.agentMembers.contains(caller.name()));
    }

    /** Agents who joined or left. */
    private static List<String> changed(List<String> before, List<String> after) {
        TreeSet<String> diff = new TreeSet<>(before);
        diff.addAll(after);
        diff.removeIf(a -> before.contains(a) && after.contains(a));
        return List.copyOf(diff);
    }

    private static ProblemException duplicate(CampaignDefinition d) {
        return ProblemException.conflict(
                "A campaign named '" + d.name() + "' already exists in security group " + d.securityGroup());
    }

    /** A concurrent create or rename that won the race for the name: the unique index refused ours. */
    private static boolean isDuplicateName(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("campaign_name_unique_per_group")) {
                return true;
            }
        }
        return false;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
