package io.chatsuite.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Client frames of protocols.md, as a browser would send them. */
public final class ClientFrames {

    private ClientFrames() {}

    public static ObjectNode hello(String language, String name) {
        ObjectNode f = WsClient.frame("hello");
        if (language != null) {
            f.put("language", language);
        }
        if (name != null) {
            f.put("name", name);
        }
        return f;
    }

    public static ObjectNode resume(String token, long lastSeq) {
        return WsClient.frame("hello").put("sessionToken", token).put("lastSeq", lastSeq);
    }

    public static ObjectNode message(String clientId, String text) {
        return WsClient.frame("message").put("clientId", clientId).put("text", text);
    }

    public static ObjectNode agentMessage(String interactionId, String clientId, String text) {
        return message(clientId, text).put("interactionId", interactionId);
    }

    public static ObjectNode end() {
        return WsClient.frame("end");
    }

    public static ObjectNode agentEnd(String interactionId) {
        return end().put("interactionId", interactionId);
    }

    public static ObjectNode presence(String status) {
        return WsClient.frame("presence").put("status", status);
    }

    public static ObjectNode agentResume(Map<String, Long> lastSeqs) {
        ObjectNode f = WsClient.frame("resume");
        ObjectNode interactions = f.putObject("interactions");
        lastSeqs.forEach(interactions::put);
        return f;
    }
}
