package io.chatsuite.gateway.interaction.repository;

import io.chatsuite.gateway.interaction.ChatSession;
import io.chatsuite.gateway.interaction.SessionState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ChatSessionRepository implements PanacheRepositoryBase<ChatSession, String> {

    /** The session, locked until the end of the transaction: appends to its log are serialized by this lock. */
    public Uni<ChatSession> lock(String interactionId) {
        return findById(interactionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Marks a NEW session REQUESTED; true for the one caller that made the change. */
    public Uni<Boolean> markRequested(String interactionId, Instant at) {
        return update("state = ?1, requestedAt = ?2, updatedAt = ?2 where interactionId = ?3 and state = ?4",
                SessionState.REQUESTED, at, interactionId, SessionState.NEW).map(n -> n == 1);
    }

    public Uni<List<ChatSession>> openOf(String agentId) {
        return list("agentId = ?1 and state = ?2 order by createdAt", agentId, SessionState.ASSIGNED);
    }

    public Uni<List<ChatSession>> findAll(Collection<String> interactionIds) {
        if (interactionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("interactionId in ?1", interactionIds);
    }
}
