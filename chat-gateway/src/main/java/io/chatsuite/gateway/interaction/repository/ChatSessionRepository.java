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
        return update(
                        "state = ?1, requestedAt = ?2, updatedAt = ?2 where interactionId = ?3 and state = ?4",
                        SessionState.REQUESTED,
                        at,
                        interactionId,
                        SessionState.NEW)
                .map(n -> n == 1);
    }

    /** Renews the customer lease of these sessions. */
    public Uni<Integer> customersSeen(Collection<String> interactionIds, Instant at) {
        if (interactionIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("customerSeenAt = ?1 where interactionId in ?2", at, interactionIds);
    }

    /**
     * Sessions in one of {@code states}, not yet asked to end, whose customer was last seen before
     * {@code seenBefore}; at most {@code limit}, the longest gone first.
     */
    public Uni<List<ChatSession>> customersGoneSince(Collection<SessionState> states, Instant seenBefore, int limit) {
        return find(
                        "state in ?1 and endRequestedAt is null and customerSeenAt < ?2 order by customerSeenAt",
                        states,
                        seenBefore)
                .page(0, limit)
                .list();
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
