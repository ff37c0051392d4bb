package io.chatsuite.campaigns.campaign.repository;

import io.chatsuite.campaigns.campaign.Campaign;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, String> {

    /** One page of the campaigns {@code query} selects, and how many it selects in all. */
    public Uni<Result> search(CampaignQuery query) {
        if (query.groups().isEmpty()) {
            return Uni.createFrom().item(new Result(List.of(), 0));
        }
        StringBuilder where = new StringBuilder("from Campaign c where c.securityGroup in :groups");
        Map<String, Object> params = new HashMap<>();
        params.put("groups", query.groups());
        if (query.member() != null) {
            where.append(" and :member member of c.agentMembers");
            params.put("member", query.member());
        }
        if (query.nameContains() != null && !query.nameContains().isBlank()) {
            where.append(" and lower(c.name) like :name escape '\\'");
            params.put("name", "%" + escapeLike(query.nameContains().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.strategy() != null) {
            where.append(" and c.strategy = :strategy");
            params.put("strategy", query.strategy());
        }
        if (query.securityGroup() != null) {
            where.append(" and c.securityGroup = :group");
            params.put("group", query.securityGroup());
        }
        // The id breaks ties so that pages never overlap or skip a campaign.
        String ordered =
                where + " order by " + query.sort().expression + (query.ascending() ? " asc" : " desc") + ", c.id asc";
        return count(where.toString(), params)
                .chain(total -> total == 0
                        ? Uni.createFrom().item(new Result(List.of(), 0))
                        : find(ordered, params)
                                .page(query.page(), query.size())
                                .list()
                                .map(items -> new Result(items, total)));
    }

    /** A page of campaigns and the number of all that match. */
    public record Result(List<Campaign> items, long total) {}

    /** The campaign, locked for the rest of the transaction (a concurrent writer waits, then sees the change). */
    public Uni<Campaign> lockById(String id) {
        // A query, not findById: that may join the members, and PostgreSQL cannot lock an outer join's nullable side.
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Boolean> nameTaken(String securityGroup, String name, String exceptId) {
        return count(
                        "securityGroup = ?1 and lower(name) = lower(?2) and id <> ?3",
                        securityGroup,
                        name,
                        exceptId == null ? "" : exceptId)
                .map(n -> n > 0);
    }

    /**
     * For each agent, the ids of the campaigns listing it as a member (sorted), restricted to {@code groups}
     * unless that is null. Agents of no campaign map to an empty list.
     */
    public Uni<Map<String, List<String>>> campaignIdsOf(Collection<String> agents, Collection<String> groups) {
        Map<String, List<String>> result = new TreeMap<>();
        agents.forEach(a -> result.put(a, new ArrayList<>()));
        if (agents.isEmpty() || (groups != null && groups.isEmpty())) {
            return Uni.createFrom().item(result);
        }
        String hql = "select m, c.id from Campaign c join c.agentMembers m where m in :agents"
                + (groups == null ? "" : " and c.securityGroup in :groups") + " order by m, c.id";
        return Panache.getSession()
                .chain(s -> {
                    var q = s.createSelectionQuery(hql, Object[].class).setParameter("agents", new TreeSet<>(agents));
                    if (groups != null) {
                        q.setParameter("groups", groups);
                    }
                    return q.getResultList();
                })
                .map(rows -> {
                    rows.forEach(row -> result.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                            .add((String) row[1]));
                    return result;
                });
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
