package io.chatsuite.gateway.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatsuite.events.EventCodec;
import java.util.Collection;

/** The frames about a connection rather than an interaction (no {@code seq}): session, hello, ack, error. */
public final class ServerFrames {

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private ServerFrames() {
    }

    public static String session(String token, String interactionId, String language, boolean resumed) {
        ObjectNode f = frame("session");
        f.put("sessionToken", token);
        f.put("interactionId", interactionId);
        f.put("language", language);
        f.put("resumed", resumed);
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
