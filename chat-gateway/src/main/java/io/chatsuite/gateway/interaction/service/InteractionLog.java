package io.chatsuite.gateway.interaction.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatsuite.events.EventCodec;
import io.chatsuite.gateway.interaction.ChatSession;
import io.chatsuite.gateway.interaction.LogEntry;
import io.chatsuite.gateway.interaction.repository.InteractionLogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Appends frames to an interaction's log: numbers them 1..n without gaps and at most once per event id.
 * Callers hold the session row's lock (or created the row in the same transaction), which is what keeps two
 * concurrent appends of one interaction from taking the same number.
 */
@ApplicationScoped
public class InteractionLog {

    private final InteractionLogRepository repository;

    public InteractionLog(InteractionLogRepository repository) {
        this.repository = repository;
    }

    /** Appends {@code body} as the next entry; empty when {@code eventId} was already appended. */
    public Uni<Optional<LogEntry>> append(ChatSession locked, String eventId, ObjectNode body) {
        return append(locked, eventId, body, null);
    }

    /** As {@link #append(ChatSession, String, ObjectNode)}, for an entry to push to {@code agentId} too. */
    public Uni<Optional<LogEntry>> append(ChatSession locked, String eventId, ObjectNode body, String agentId) {
        long seq = locked.lastSeq + 1;
        String type = body.get("type").asText();
        body.put("interactionId", locked.interactionId);
        body.put("seq", seq);
        String frame = write(body);
        return repository
                .insert(locked.interactionId, seq, eventId, type, frame)
                .map(inserted -> {
                    if (!inserted) {
                        return Optional.empty();
                    }
                    locked.lastSeq = seq;
                    locked.updatedAt = Instant.now();
                    return Optional.of(new LogEntry(locked.interactionId, seq, type, frame, agentId));
                });
    }

    private static String write(ObjectNode body) {
        try {
            return EventCodec.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
