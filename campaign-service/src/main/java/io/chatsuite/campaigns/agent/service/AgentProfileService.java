package io.chatsuite.campaigns.agent.service;

import io.chatsuite.campaigns.agent.AgentProfile;
import io.chatsuite.campaigns.agent.api.AgentProfileRequest;
import io.chatsuite.campaigns.agent.api.AgentProfileResponse;
import io.chatsuite.campaigns.agent.repository.AgentProfileRepository;
import io.chatsuite.campaigns.campaign.api.Page;
import io.chatsuite.campaigns.campaign.repository.CampaignRepository;
import io.chatsuite.campaigns.campaign.service.CampaignValidator;
import io.chatsuite.campaigns.http.PageRequest;
import io.chatsuite.campaigns.http.Preconditions;
import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.commons.problem.Problem.FieldError;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.commons.security.Caller;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.AgentProfileDeleted;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Agent profiles (capacity, display name, managing groups). Each change, and each change of the agent's
 * campaigns (membership lives on campaigns), publishes a full snapshot on {@code agent-profiles} through the
 * outbox, with the ids of every campaign listing the agent.
 */
@ApplicationScoped
public class AgentProfileService {

    static final String SOURCE = "/campaign-service";
    public static final int DEFAULT_CAPACITY = 3;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final AgentProfileRepository profiles;
    private final CampaignRepository campaigns;
    private final Outbox outbox;

    public AgentProfileService(AgentProfileRepository profiles, CampaignRepository campaigns, Outbox outbox) {
        this.profiles = profiles;
        this.campaigns = campaigns;
        this.outbox = outbox;
    }

    /** The answer to a PUT: the profile and whether it was created. */
    public record Upserted(AgentProfileResponse profile, boolean created) {}

    @WithSession
    public Uni<Page<AgentProfileResponse>> list(
            Caller caller, String name, String securityGroup, PageRequest<AgentProfileRepository.SortField> page) {
        Set<String> groups = caller.groups();
        return profiles.search(
                        groups,
                        caller.overseesGroups() ? null : caller.name(),
                        name,
                        securityGroup,
                        page.sort(),
                        page.ascending(),
                        page.page(),
                        page.size())
                .chain(result -> campaigns
                        .campaignIdsOf(
                                result.items().stream().map(p -> p.agentId).toList(), groups)
                        .map(ids -> new Page<>(
                                result.items().stream()
                                        .map(p -> toResponse(p, ids.get(p.agentId)))
                                        .toList(),
                                page.page(),
                                page.size(),
                                result.total())));
    }

    @WithSession
    public Uni<AgentProfileResponse> find(Caller caller, String agentId) {
        return profiles.findById(agentId).chain(p -> {
            if (p == null || !visible(p, caller)) {
                throw ProblemException.notFound("Agent profile", agentId);
            }
            return withCampaigns(p, caller.groups());
        });
    }

    @WithTransaction
    public Uni<Upserted> upsert(Caller caller, String agentId, AgentProfileRequest request, String ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        if (agentId == null || !USERNAME.matcher(agentId).matches()) {
            errors.add(new FieldError("agentId", "must be a username (letters, digits, . _ - @; at most 100)"));
        }
        String displayName = request == null
                        || request.displayName() == null
                        || request.displayName().isBlank()
                ? agentId
                : request.displayName().strip();
        if (displayName != null && displayName.length() > 200) {
            errors.add(new FieldError("displayName", "must be at most 200 characters"));
        }
        int capacity = request == null || request.capacity() == null ? DEFAULT_CAPACITY : request.capacity();
        if (capacity < 1 || capacity > 20) {
            errors.add(new FieldError("capacity", "must be between 1 and 20"));
        }
        TreeSet<String> requested = new TreeSet<>();
        List<String> givenGroups =
                request == null || request.securityGroups() == null ? List.of() : request.securityGroups();
        for (int i = 0; i < givenGroups.size(); i++) {
            String g = givenGroups.get(i);
            if (g == null || g.isBlank() || g.length() > 120) {
                errors.add(new FieldError("securityGroups[" + i + "]", "must be a security group name"));
            } else {
                requested.add(g.strip());
            }
        }
        if (givenGroups.isEmpty()) {
            errors.add(new FieldError("securityGroups", "must name at least one security group"));
        }
        CampaignValidator.failIfAny(errors, "The agent profile has invalid fields");
        Instant now = now();
        return profiles.lockById(agentId).chain(existing -> {
            if (existing == null) {
                Preconditions.requireAbsentIfMatch(ifMatch);
                requested.forEach(g -> caller.requireGroup(g, "agent profiles"));
                AgentProfile p = new AgentProfile();
                p.agentId = agentId;
                p.displayName = displayName;
                p.capacity = capacity;
                p.securityGroups.addAll(requested);
                p.createdAt = now;
                p.updatedAt = now;
                return profiles.persistAndFlush(p)
                        .chain(() -> publish(List.of(p)))
                        .chain(() -> withCampaigns(p, caller.groups()))
                        .map(r -> new Upserted(r, true));
            }
            if (!sharesGroup(existing, caller)) {
                throw ProblemException.conflict(
                        "Agent " + agentId + " already has a profile managed by security " + "groups you are not in");
            }
            Preconditions.requireIfMatch(ifMatch);
            Preconditions.check(ifMatch, existing.version);
            // Groups the caller is not in are not theirs to grant or revoke: they stay as they are.
            TreeSet<String> groups = new TreeSet<>();
            for (String g : requested) {
                if (caller.inGroup(g) || existing.securityGroups.contains(g)) {
                    groups.add(g);
                } else {
                    caller.requireGroup(g, "agent profiles");
                }
            }
            existing.securityGroups.stream().filter(g -> !caller.inGroup(g)).forEach(groups::add);
            existing.displayName = displayName;
            existing.capacity = capacity;
            if (!List.copyOf(existing.securityGroups).equals(List.copyOf(groups))) {
                existing.securityGroups.clear();
                existing.securityGroups.addAll(groups);
            }
            existing.updatedAt = now;
            return profiles.flush()
                    .chain(() -> publish(List.of(existing)))
                    .chain(() -> withCampaigns(existing, caller.groups()))
                    .map(r -> new Upserted(r, false));
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String agentId, String ifMatch) {
        return profiles.lockById(agentId).chain(p -> {
            if (p == null || !visible(p, caller)) {
                throw ProblemException.notFound("Agent profile", agentId);
            }
            Preconditions.check(ifMatch, p.version);
            List<String> foreign =
                    p.securityGroups.stream().filter(g -> !caller.inGroup(g)).toList();
            if (!foreign.isEmpty()) {
                throw new ProblemException(
                        403,
                        "Forbidden",
                        "This profile is also managed by security groups you " + "are not in " + foreign
                                + "; remove yourself from it with PUT instead");
            }
            Instant now = now();
            return profiles.delete(p)
                    .chain(profiles::flush)
                    .chain(() -> outbox.add(
                            agentId, EventCodec.wrap(SOURCE, agentId, new AgentProfileDeleted(agentId, now))))
                    .chain(() -> outbox.addTombstone(
                            Topics.AGENT_PROFILES, agentId, UUID.randomUUID().toString()));
        });
    }

    /**
     * Republishes the existing profiles among {@code agentIds} because their campaigns changed; runs in the
     * caller's transaction after the membership change was flushed. Locking the profiles first (in id order)
     * makes concurrent membership changes wait for each other, so each snapshot sees the other's commit.
     */
    public Uni<Void> membershipChanged(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return profiles.lockAll(agentIds).chain(locked -> {
            if (locked.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Instant now = now();
            locked.forEach(p -> p.updatedAt = now);
            return profiles.flush().chain(() -> publish(locked));
        });
    }

    private Uni<Void> publish(List<AgentProfile> changed) {
        return campaigns
                .campaignIdsOf(changed.stream().map(p -> p.agentId).toList(), null)
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (AgentProfile p : changed) {
                        AgentProfileUpserted event = new AgentProfileUpserted(
                                p.agentId,
                                p.displayName,
                                p.capacity,
                                List.copyOf(ids.get(p.agentId)),
                                p.version,
                                p.updatedAt);
                        chain = chain.chain(() -> outbox.add(p.agentId, EventCodec.wrap(SOURCE, p.agentId, event)));
                    }
                    return chain;
                });
    }

    private Uni<AgentProfileResponse> withCampaigns(AgentProfile p, Set<String> groups) {
        return campaigns.campaignIdsOf(List.of(p.agentId), groups).map(ids -> toResponse(p, ids.get(p.agentId)));
    }

    private static boolean visible(AgentProfile p, Caller caller) {
        return sharesGroup(p, caller) && (caller.overseesGroups() || p.agentId.equals(caller.name()));
    }

    private static boolean sharesGroup(AgentProfile p, Caller caller) {
        return p.securityGroups.stream().anyMatch(caller::inGroup);
    }

    static AgentProfileResponse toResponse(AgentProfile p, List<String> campaignIds) {
        return new AgentProfileResponse(
                p.agentId,
                p.displayName,
                p.capacity,
                List.copyOf(p.securityGroups),
                campaignIds == null ? List.of() : List.copyOf(campaignIds),
                p.version,
                p.updatedAt);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
