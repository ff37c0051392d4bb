package io.chatsuite.gateway.agent.service;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.Party;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.gateway.agent.repository.AgentProfileRepository;
import io.chatsuite.gateway.interaction.ChatSession;
import io.chatsuite.gateway.interaction.SessionState;
import io.chatsuite.gateway.interaction.repository.ChatSessionRepository;
import io.chatsuite.gateway.protocol.ErrorCode;
import io.chatsuite.gateway.protocol.FrameException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * The agent's side of chats: the agent's open interactions, the ownership checks behind every agent action,
 * and ending a chat (a routing end request, through the outbox).
 */
@ApplicationScoped
public class AgentDeskService {

    static final String SOURCE = "/chat-gateway";

    private final ChatSessionRepository sessions;
    private final AgentProfileRepository profiles;
    private final Outbox outbox;

    public AgentDeskService(ChatSessionRepository sessions, AgentProfileRepository profiles, Outbox outbox) {
        this.sessions = sessions;
        this.profiles = profiles;
        this.outbox = outbox;
    }

    /** Records the agent's display name; the ids of the interactions assigned to the agent and not over. */
    @WithTransaction
    public Uni<List<String>> connect(String agentId, String displayName) {
        return profiles.upsert(agentId, displayName)
                .chain(() -> sessions.openOf(agentId))
                .map(open -> open.stream().map(s -> s.interactionId).toList());
    }

    @WithSession
    public Uni<List<ChatSession>> findAll(Collection<String> interactionIds) {
        return sessions.findAll(interactionIds);
    }

    /** The interaction when it is assigned to {@code agentId} and still open; refuses otherwise. */
    @WithSession
    public Uni<ChatSession> openInteraction(String agentId, String interactionId) {
        return sessions.findById(interactionId).map(s -> requireOpen(s, agentId, interactionId));
    }

    /** Asks routing to end the agent's chat; asking again changes nothing. */
    @WithTransaction
    public Uni<Void> end(String agentId, String interactionId) {
        return sessions.lock(interactionId).chain(s -> {
            requireOpen(s, agentId, interactionId);
            if (s.endRequestedAt != null) {
                return Uni.createFrom().voidItem();
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            s.endRequestedAt = at;
            s.updatedAt = at;
            return outbox.add(
                    s.campaignId,
                    EventCodec.wrap(
                            SOURCE,
                            interactionId,
                            new RoutingEndRequested(interactionId, s.campaignId, Party.AGENT, agentId, at)));
        });
    }

    private static ChatSession requireOpen(ChatSession s, String agentId, String interactionId) {
        if (s == null || !agentId.equals(s.agentId)) {
            throw new FrameException(
                    ErrorCode.NOT_ASSIGNED,
                    "interaction " + interactionId + " is not assigned to you",
                    null,
                    interactionId);
        }
        if (s.state != SessionState.ASSIGNED) {
            throw new FrameException(
                    ErrorCode.CHAT_ENDED, "interaction " + interactionId + " has ended", null, interactionId);
        }
        return s;
    }
}
