package io.chatsuite.gateway.agent.repository;

import io.chatsuite.gateway.agent.AgentProfile;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AgentProfileRepository implements PanacheRepositoryBase<AgentProfile, String> {

    /** Records the agent's display name; two consoles connecting at once both succeed. */
    public Uni<Void> upsert(String agentId, String displayName) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into agent_profile(agent_id, display_name, updated_at) values (?1, ?2, now()) "
                                        + "on conflict (agent_id) do update set display_name = excluded.display_name, "
                                        + "updated_at = excluded.updated_at")
                        .setParameter(1, agentId)
                        .setParameter(2, displayName)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The agent's display name, or the id of an agent who never connected here. */
    public Uni<String> displayName(String agentId) {
        return findById(agentId).map(p -> p == null ? agentId : p.displayName);
    }
}
