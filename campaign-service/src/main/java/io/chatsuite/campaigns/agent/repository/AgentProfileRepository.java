package io.chatsuite.campaigns.agent.repository;

import io.chatsuite.campaigns.agent.AgentProfile;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

@ApplicationScoped
public class AgentProfileRepository implements PanacheRepositoryBase<AgentProfile, String> {

    /** The orders a profile listing accepts. */
    public enum SortField {
        agentId("p.agentId"),
        displayName("lower(p.displayName)"),
        updatedAt("p.updatedAt");

        final String expression;

        SortField(String expression) {
            this.expression = expression;
        }
    }

    /** A page of profiles and how many match in all. */
    public record Result(List<AgentProfile> items, long total) {}

    /**
     * Profiles sharing one of {@code groups}; only {@code onlyAgent}'s when set; whose id or display name
     * contains {@code name} when set.
     */
    public Uni<Result> search(
            Collection<String> groups,
            String onlyAgent,
            String name,
            String securityGroup,
            SortField sort,
            boolean ascending,
            int page,
            int size) {
        if (groups.isEmpty()) {
            return Uni.createFrom().item(new Result(List.of(), 0));
        }
        StringBuilder where = new StringBuilder("from AgentProfile p where p.agentId in (select p2.agentId from "
                + "AgentProfile p2 join p2.securityGroups g where g in :groups)");
        Map<String, Object> params = new HashMap<>();
        params.put("groups", groups);
        if (onlyAgent != null) {
            where.append(" and p.agentId = :agent");
            params.put("agent", onlyAgent);
        }
        if (name != null && !name.isBlank()) {
            where.append(
                    " and (lower(p.agentId) like :name escape '\\' or lower(p.displayName) like :name escape '\\')");
            params.put(
                    "name",
                    "%"
                            + name.strip()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        if (securityGroup != null) {
            where.append(" and :group member of p.securityGroups");
            params.put("group", securityGroup);
        }
        String ordered = where + " order by " + sort.expression + (ascending ? " asc" : " desc") + ", p.agentId asc";
        return count(where.toString(), params)
                .chain(total -> total == 0
                        ? Uni.createFrom().item(new Result(List.of(), 0))
                        : find(ordered, params).page(page, size).list().map(items -> new Result(items, total)));
    }

    public Uni<AgentProfile> lockById(String agentId) {
        // A query, not findById: that may join the groups, and PostgreSQL cannot lock an outer join's nullable side.
        return find("agentId", agentId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The existing profiles among {@code agentIds}, locked, taken in id order so that writers never deadlock. */
    public Uni<List<AgentProfile>> lockAll(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("agentId in ?1 order by agentId", new TreeSet<>(agentIds))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
