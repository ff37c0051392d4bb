package io.chatsuite.testing;

import io.chatsuite.events.Party;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.events.message.Sender;
import java.time.Instant;
import java.util.UUID;

/**
 * Chat messages as the gateway publishes them, for tests: the message id is the interaction's id and the
 * client's, as the gateway makes it. Defaults: from customer Carla, "hello", language en, sent now.
 */
public final class ChatMessageFixture {

    private final String interactionId;
    private final String campaignId;
    private String clientId = UUID.randomUUID().toString();
    private Sender sender = new Sender(Party.CUSTOMER, "customer", "Carla");
    private String text = "hello";
    private String language = "en";
    private Instant sentAt;

    private ChatMessageFixture(String interactionId, String campaignId) {
        this.interactionId = interactionId;
        this.campaignId = campaignId;
    }

    public static ChatMessageFixture message(String interactionId, String campaignId) {
        return new ChatMessageFixture(interactionId, campaignId);
    }

    public ChatMessageFixture withClientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public ChatMessageFixture withSender(Sender sender) {
        this.sender = sender;
        return this;
    }

    public ChatMessageFixture fromAgent(String agentId, String displayName) {
        return withSender(new Sender(Party.AGENT, agentId, displayName));
    }

    public ChatMessageFixture withText(String text) {
        this.text = text;
        return this;
    }

    public ChatMessageFixture withLanguage(String language) {
        this.language = language;
        return this;
    }

    public ChatMessageFixture withSentAt(Instant sentAt) {
        this.sentAt = sentAt;
        return this;
    }

    public ChatMessageSent build() {
        return new ChatMessageSent(
                interactionId,
                campaignId,
                interactionId + ":" + clientId,
                clientId,
                sender,
                text,
                language,
                sentAt == null ? Instant.now() : sentAt);
    }
}
