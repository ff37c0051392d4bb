package io.chatsuite.gateway.interaction.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.gateway.interaction.LogEntry;
import io.chatsuite.gateway.protocol.ServerFrames;

/**
 * Builds the sequenced frames of protocols.md (system, queued, assigned, message, rejected, ended) before they
 * get their {@code interactionId} and {@code seq} in the log, and the customer's view of a stored frame.
 */
public final class LogFrames {

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private LogFrames() {}

    public static ObjectNode system(String kind, String text, String language) {
        ObjectNode f = ServerFrames.frame("system");
        f.put("kind", kind);
        f.put("text", text);
        f.put("language", language);
        return f;
    }

    /** The customer's place in the queue and, when routing has an estimate, the predicted wait in seconds. */
    public static ObjectNode queued(int position, Integer estimatedWaitSeconds) {
        ObjectNode frame = ServerFrames.frame("queued").put("position", position);
        if (estimatedWaitSeconds != null) {
            frame.put("estimatedWaitSeconds", estimatedWaitSeconds);
        }
        return frame;
    }

    /** Carries what both sides need; {@link #forCustomer} removes what only the agent's console uses. */
    public static ObjectNode assigned(
            String agentId, String agentName, String campaignId, String customerName, String language) {
        ObjectNode f = ServerFrames.frame(LogEntry.ASSIGNED);
        f.putObject("agent").put("id", agentId).put("name", agentName);
        f.put("campaignId", campaignId);
        ObjectNode customer = f.putObject("customer");
        if (customerName != null) {
            customer.put("name", customerName);
        }
        customer.put("language", language);
        return f;
    }

    public static ObjectNode message(ChatMessageSent m) {
        ObjectNode f = ServerFrames.frame("message");
        f.put("id", m.messageId());
        f.put("clientId", m.clientId());
        ObjectNode from = f.putObject("from")
                .put("role", m.sender().role().name())
                .put("id", m.sender().id());
        if (m.sender().displayName() != null) {
            from.put("name", m.sender().displayName());
        }
        f.put("text", m.text());
        f.put("at", m.sentAt().toString());
        return f;
    }

    public static ObjectNode rejected(String reason) {
        return ServerFrames.frame(LogEntry.REJECTED).put("reason", reason);
    }

    public static ObjectNode ended(String endedBy) {
        return ServerFrames.frame(LogEntry.ENDED).put("endedBy", endedBy);
    }

    /** The stored frame as the customer sees it: the agent-only details of {@code assigned} are left out. */
    public static String forCustomer(LogEntry entry) {
        if (!LogEntry.ASSIGNED.equals(entry.type())) {
            return entry.frame();
        }
        try {
            ObjectNode f = (ObjectNode) MAPPER.readTree(entry.frame());
            f.remove("campaignId");
            f.remove("customer");
            return MAPPER.writeValueAsString(f);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("Unreadable log frame " + entry.interactionId() + "#" + entry.seq(), e);
        }
    }
}
