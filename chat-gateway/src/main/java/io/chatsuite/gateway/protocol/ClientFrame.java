package io.chatsuite.gateway.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatsuite.events.EventCodec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON frame a client sent, with typed, validated access to its fields; every refusal is a
 * {@link FrameException} naming the field, so clients learn exactly what was wrong.
 */
public final class ClientFrame {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_CLIENT_ID = 64;
    public static final int MAX_NAME = 120;

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private final ObjectNode node;
    private final String type;

    private ClientFrame(ObjectNode node, String type) {
        this.node = node;
        this.type = type;
    }

    /** Reads a text frame; refuses anything that is not a JSON object with a string {@code type}. */
    public static ClientFrame parse(String text) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw FrameException.bad("frame is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw FrameException.bad("frame must be a JSON object");
        }
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual() || type.asText().isEmpty()) {
            throw FrameException.bad("type is missing");
        }
        return new ClientFrame((ObjectNode) tree, type.asText());
    }

    public String type() {
        return type;
    }

    public FrameException unknownType() {
        return new FrameException(ErrorCode.UNKNOWN_TYPE, "unknown type '" + abbreviate(type) + "'");
    }

    /** A required string of {@code min..max} characters. */
    public String string(String field, int min, int max) {
        String value = optionalString(field, max);
        if (value == null || value.codePointCount(0, value.length()) < min) {
            throw FrameException.bad(field + " must be " + min + ".." + max + " characters");
        }
        return value;
    }

    /** An optional string of at most {@code max} characters; null when absent or JSON null. */
    public String optionalString(String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw FrameException.bad(field + " must be a string");
        }
        String s = value.asText();
        if (s.codePointCount(0, s.length()) > max) {
            throw FrameException.bad(field + " must be at most " + max + " characters");
        }
        return s;
    }

    /** An optional non-negative integer; {@code defaultValue} when absent. */
    public long optionalSeq(String field, long defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw FrameException.bad(field + " must be a non-negative integer");
        }
        return value.asLong();
    }

    public String clientId() {
        return string("clientId", 1, MAX_CLIENT_ID);
    }

    /** The text of a chat message: 1..4000 characters, not only blanks. */
    public String text() {
        JsonNode value = node.get("text");
        String text = value != null && value.isTextual() ? value.asText() : null;
        if (text == null || text.isBlank() || text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw FrameException.bad("text must be 1.." + MAX_TEXT + " characters");
        }
        return text;
    }

    /** A JSON object mapping ids to non-negative integers, e.g. the {@code interactions} of a resume. */
    public Map<String, Long> seqMap(String field, int maxEntries) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw FrameException.bad(field + " must be an object of interactionId: lastSeq");
        }
        if (value.size() > maxEntries) {
            throw FrameException.bad(field + " may name at most " + maxEntries + " interactions");
        }
        Map<String, Long> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode seq = e.getValue();
            if (e.getKey().isEmpty()
                    || e.getKey().length() > 100
                    || !seq.isIntegralNumber()
                    || !seq.canConvertToLong()
                    || seq.asLong() < 0) {
                throw FrameException.bad(field + " must map interaction ids to non-negative integers");
            }
            result.put(e.getKey(), seq.asLong());
        }
        return result;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
