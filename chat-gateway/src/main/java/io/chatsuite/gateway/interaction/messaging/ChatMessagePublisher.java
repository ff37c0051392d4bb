package io.chatsuite.gateway.interaction.messaging;

import io.chatsuite.events.EventCodec;
import io.chatsuite.events.Party;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.events.message.Sender;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes chat messages to the chat-messages topic. The message id and the event id are derived from the
 * interaction, the sender's role and the client's id, so a retried send is the same message everywhere.
 * No database is involved, so no outbox: the returned Uni completes when the broker acknowledged (acks=all).
 */
@ApplicationScoped
public class ChatMessagePublisher {

    static final String SOURCE = "/chat-gateway";

    private final MutinyEmitter<String> emitter;

    public ChatMessagePublisher(@Channel("chat-messages-out") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** The id of the message {@code role} sends with {@code clientId} in {@code interactionId}. */
    public static String messageId(String interactionId, Party role, String clientId) {
        String seed = "chat-message|" + interactionId + "|" + role.name() + "|" + clientId;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Publishes the message; its id. */
    public Uni<String> publish(
            String interactionId, String campaignId, String clientId, Sender sender, String text, String language) {
        String messageId = messageId(interactionId, sender.role(), clientId);
        Instant now = Instant.now();
        ChatMessageSent data =
                new ChatMessageSent(interactionId, campaignId, messageId, clientId, sender, text, language, now);
        String value = EventCodec.encode(EventCodec.wrap(messageId, SOURCE, interactionId, data, now));
        Message<String> message = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(interactionId)
                        .build());
        return emitter.sendMessage(message).replaceWith(messageId);
    }
}
