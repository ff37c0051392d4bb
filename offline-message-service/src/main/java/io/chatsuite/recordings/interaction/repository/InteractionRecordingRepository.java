package io.chatsuite.recordings.interaction.repository;

import io.chatsuite.recordings.interaction.InteractionRecording;
import io.chatsuite.recordings.interaction.service.RecordingSearch;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class InteractionRecordingRepository implements PanacheRepositoryBase<InteractionRecording, String> {

    /**
     * The recording of {@code id}, created empty if absent, locked for the rest of the transaction. Events of one
     * interaction arrive on two topics consumed concurrently; the insert-if-absent plus row lock makes them
     * apply one after the other instead of racing to create the row or overwriting each other.
     */
    public Uni<InteractionRecording> lockOrCreate(String id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into interaction_recording(id, outcome, first_seen_at) "
                                        + "values (?1, 'IN_PROGRESS', now()) on conflict (id) do nothing")
                        .setParameter(1, id)
                        .executeUpdate())
                .chain(() -> findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Campaigns that have recordings whose security group is still unknown. */
    public Uni<List<String>> campaignsWithUnknownGroup() {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select distinct r.campaignId from InteractionRecording r "
                                        + "where r.securityGroup is null and r.campaignId is not null",
                                String.class)
                        .getResultList());
    }

    public Uni<Integer> describeCampaign(String campaignId, String name, String securityGroup) {
        return update(
                "securityGroup = ?1, campaignName = coalesce(campaignName, ?2) "
                        + "where campaignId = ?3 and securityGroup is null",
                securityGroup,
                name,
                campaignId);
    }

    /** One page of the recordings matching {@code search} inside {@code groups}, newest first, and the total. */
    public Uni<SearchResult> search(RecordingSearch search, Collection<String> groups) {
        if (groups.isEmpty()) {
            return Uni.createFrom().item(new SearchResult(List.of(), 0));
        }
        List<String> where = new ArrayList<>();
        Parameters params = Parameters.with("groups", groups);
        where.add("securityGroup in :groups");
        if (search.campaignId() != null) {
            where.add("campaignId = :campaignId");
            params.and("campaignId", search.campaignId());
        }
        if (search.agentId() != null) {
            where.add("agentId = :agentId");
            params.and("agentId", search.agentId());
        }
        if (search.from() != null) {
            where.add("requestedAt >= :from");
            params.and("from", search.from());
        }
        if (search.to() != null) {
            where.add("requestedAt < :to");
            params.and("to", search.to());
        }
        Sort newestFirst = Sort.by("requestedAt", Sort.Direction.Descending, Sort.NullPrecedence.NULLS_LAST)
                .and("firstSeenAt", Sort.Direction.Descending)
                .and("id");
        PanacheQuery<InteractionRecording> query = find(String.join(" and ", where), newestFirst, params);
        return query.page(search.page(), search.size())
                .list()
                .chain(items -> query.count().map(total -> new SearchResult(items, total)));
    }

    public record SearchResult(List<InteractionRecording> items, long total) {}
}
