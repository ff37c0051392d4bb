package io.chatsuite.recordings.interaction.messaging;

import io.chatsuite.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records the chat messages of interactions into their transcripts. */
@ApplicationScoped
public class ChatMessagesConsumer {

    private final RecordedEvents events;

    public ChatMessagesConsumer(RecordedEvents events) {
        this.events = events;
    }

    @Incoming("chat-messages")
    public Uni<Void> consume(String value) {
        return events.handle(Topics.CHAT_MESSAGES, value);
    }
}
