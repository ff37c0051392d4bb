package io.chatsuite.recordings.interaction.repository;

import io.chatsuite.recordings.interaction.TranscriptMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class TranscriptMessageRepository implements PanacheRepository<TranscriptMessage> {

    public Uni<Boolean> exists(String messageId) {
        return count("messageId", messageId).map(n -> n > 0);
    }

    public Uni<List<TranscriptMessage>> transcript(String interactionId) {
        return list("interactionId", Sort.by("sentAt").and("seq"), interactionId);
    }
}
