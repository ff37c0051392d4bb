package io.chatsuite.gateway.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatsuite.events.EventCodec;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The frames about a connection rather than an interaction (no {@code seq}): session, hello, ack, error, and the
 * offers of an agent (offer, offer-withdrawn).
 */
public final class ServerFrames {

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private ServerFrames() {}

    /**
     * The session frame; {@code open} says whether the campaign attends now and {@code nextChange} (absent when
     * it never changes) when it opens or closes next, so the widget can tell the customer.
     */
    public static String session(
            String token,
            String interactionId,
            String language,
            boolean resumed,
            boolean open,
            Optional<Instant> nextChange) {
        ObjectNode f = frame("session");
        f.put("sessionToken", token);
        f.put("interactionId", interactionId);
        f.put("language", language);
        f.put("resumed", resumed);
        f.put("open", open);
        nextChange.ifPresent(t -> f.put("nextChange", t.toString()));
        return write(f);
    }

    public static String agentHello(String agentId, String name, String status, Collection<String> interactions) {
        ObjectNode f = frame("hello");
        f.putObject("agent").put("id", agentId).put("name", name);
        f.put("status", status);
        var ids = f.putArray("interactions");
        interactions.forEach(ids::add);
        return write(f);
    }

    /** An interaction offered to the agent; {@code expiresAt} null: no expiry (MANUAL queue). */
    public static String offer(
            String interactionId,
            String campaignId,
            String customerName,
            String language,
            String strategy,
            Instant expiresAt) {
        ObjectNode f = frame("offer");
        f.put("interactionId", interactionId);
        f.put("campaignId", campaignId);
        f.putObject("customer").put("name", customerName).put("language", language);
        f.put("strategy", strategy);
        if (expiresAt == null) {
            f.putNull("expiresAt");
        } else {
            f.put("expiresAt", expiresAt.toString());
        }
        return write(f);
    }

    public static String offerWithdrawn(String interactionId) {
        return write(frame("offer-withdrawn").put("interactionId", interactionId));
    }

    public static String ack(String clientId, String messageId, String interactionId) {
        ObjectNode f = frame("ack");
        f.put("clientId", clientId);
        f.put("id", messageId);
        if (interactionId != null) {
            f.put("interactionId", interactionId);
        }
        return write(f);
    }

    public static String error(ErrorCode code, String message, String clientId, String interactionId) {
        ObjectNode f = frame("error");
        f.put("code", code.name());
        f.put("message", message);
        if (clientId != null) {
            f.put("clientId", clientId);
        }
        if (interactionId != null) {
            f.put("interactionId", interactionId);
        }
        return write(f);
    }

    public static ObjectNode frame(String type) {
        return MAPPER.createObjectNode().put("type", type);
    }

    public static String write(ObjectNode frame) {
        try {
            return MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
