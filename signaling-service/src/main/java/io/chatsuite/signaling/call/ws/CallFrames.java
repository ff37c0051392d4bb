package io.chatsuite.signaling.call.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatsuite.signaling.call.CallRole;
import io.chatsuite.signaling.call.service.IceServers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads and writes the frames of the call socket: JSON text frames {@code {"type": ...}} of at most 16 KiB.
 * New frame types (offer/answer/ICE, hang-up) are added here and in {@link CallSocket}.
 */
public final class CallFrames {

    public static final int MAX_BYTES = 16 * 1024;
    public static final String BAD_FRAME = "BAD_FRAME";
    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    public static final String TOO_LARGE = "TOO_LARGE";
    public static final String NO_PEER = "NO_PEER";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CallFrames() {}

    /** What a client frame turned out to be. */
    public sealed interface Inbound permits Signal, Invalid {}

    /** {@code {"type":"signal","data":{...}}}: relayed to the other party exactly as received. */
    public record Signal(String raw) implements Inbound {}

    /** A frame the server cannot use, with the error to answer. */
    public record Invalid(String code, String message) implements Inbound {}

    public static Inbound read(String text) {
        if (tooLarge(text)) {
            return new Invalid(TOO_LARGE, "frames must be at most " + MAX_BYTES + " bytes");
        }
        JsonNode frame;
        try {
            frame = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new Invalid(BAD_FRAME, "not JSON");
        }
        if (frame == null || !frame.isObject()) {
            return new Invalid(BAD_FRAME, "a frame is a JSON object");
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            return new Invalid(BAD_FRAME, "type must be a string");
        }
        return switch (type.asText()) {
            case "signal" ->
                frame.path("data").isObject() ? new Signal(text) : new Invalid(BAD_FRAME, "data must be an object");
            default -> new Invalid(UNKNOWN_TYPE, "unknown type '" + abbreviate(type.asText()) + "'");
        };
    }

    /** The first frame of a socket: who this party is, whether the other is there, and the ICE servers to use. */
    public static String joined(CallRole role, boolean peerPresent, List<IceServers.IceServer> iceServers) {
        ObjectNode joined = frame("joined").put("role", role.name()).put("peerPresent", peerPresent);
        ArrayNode servers = joined.putArray("iceServers");
        for (IceServers.IceServer server : iceServers) {
            ObjectNode entry = servers.addObject();
            server.urls().forEach(entry.putArray("urls")::add);
            if (server.username() != null) {
                entry.put("username", server.username()).put("credential", server.credential());
            }
        }
        return write(joined);
    }

    public static String peerJoined(CallRole peer) {
        return write(frame("peer-joined").put("role", peer.name()));
    }

    public static String peerLeft(CallRole peer) {
        return write(frame("peer-left").put("role", peer.name()));
    }

    public static String error(String code, String message) {
        return write(frame("error").put("code", code).put("message", message));
    }

    private static ObjectNode frame(String type) {
        return MAPPER.createObjectNode().put("type", type);
    }

    private static String write(ObjectNode node) {
        return node.toString();
    }

    // Most frames are far below the limit: decide from the length alone when it is enough (UTF-8 takes 1 to 3
    // bytes per Java char; a surrogate pair takes 4 for 2 chars).
    static boolean tooLarge(String s) {
        if (s.length() > MAX_BYTES) {
            return true;
        }
        if (s.length() * 3 <= MAX_BYTES) {
            return false;
        }
        return s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
