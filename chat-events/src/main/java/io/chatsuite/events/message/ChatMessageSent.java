package io.chatsuite.events.message;

import java.time.Instant;

/**
 * A chat message of an interaction. {@code messageId} is derived from the interaction and the sender's
 * client-generated {@code clientId}, so a retried send is the same message.
 */
public record ChatMessageSent(
        String interactionId,
        String campaignId,
        String messageId,
        String clientId,
        Sender sender,
        String text,
        String language,
        Instant sentAt) {}
