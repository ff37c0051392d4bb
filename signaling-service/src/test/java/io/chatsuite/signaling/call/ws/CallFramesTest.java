package io.chatsuite.signaling.call.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.signaling.call.CallRole;
import io.chatsuite.signaling.call.service.IceServers;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallFramesTest {

    @Test
    void signalIsKeptVerbatim() {
        String raw = "{ \"type\" : \"signal\", \"data\": {\"b\":1, \"a\":2}, \"extra\": true }";
        CallFrames.Signal signal = assertInstanceOf(CallFrames.Signal.class, CallFrames.read(raw));
        assertEquals(raw, signal.raw());
    }

    @Test
    void invalidFramesAreClassified() {
        assertEquals("BAD_FRAME", code(""));
        assertEquals("BAD_FRAME", code("null"));
        assertEquals("BAD_FRAME", code("\"signal\""));
        assertEquals("BAD_FRAME", code("{\"type\":null}"));
        assertEquals("BAD_FRAME", code("{\"type\":\"signal\",\"data\":[]}"));
        assertEquals("UNKNOWN_TYPE", code("{\"type\":\"offer\"}"));
        assertEquals("UNKNOWN_TYPE", code("{\"type\":\"SIGNAL\",\"data\":{}}"));
    }

    @Test
    void sizeLimitCountsUtf8Bytes() {
        assertFalse(CallFrames.tooLarge("a".repeat(CallFrames.MAX_BYTES)));
        assertTrue(CallFrames.tooLarge("a".repeat(CallFrames.MAX_BYTES + 1)));
        assertFalse(CallFrames.tooLarge("é".repeat(CallFrames.MAX_BYTES / 2)));
        assertTrue(CallFrames.tooLarge("é".repeat(CallFrames.MAX_BYTES / 2 + 1)));
        assertTrue(CallFrames.tooLarge("😀".repeat(CallFrames.MAX_BYTES / 4 + 1)));
    }

    @Test
    void serverFramesAreJsonWithTheirType() {
        assertEquals(
                "{\"type\":\"joined\",\"role\":\"AGENT\",\"peerPresent\":true,\"iceServers\":["
                        + "{\"urls\":[\"stun:stun.example.com\"]},"
                        + "{\"urls\":[\"turn:turn.example.com\"],\"username\":\"1:i\",\"credential\":\"c\"}]}",
                CallFrames.joined(
                        CallRole.AGENT,
                        true,
                        List.of(
                                new IceServers.IceServer(List.of("stun:stun.example.com"), null, null),
                                new IceServers.IceServer(List.of("turn:turn.example.com"), "1:i", "c"))));
        assertEquals("{\"type\":\"peer-left\",\"role\":\"CUSTOMER\"}", CallFrames.peerLeft(CallRole.CUSTOMER));
        assertEquals(
                "{\"type\":\"error\",\"code\":\"TOO_LARGE\",\"message\":\"say \\\"less\\\"\"}",
                CallFrames.error("TOO_LARGE", "say \"less\""));
    }

    private static String code(String frame) {
        return assertInstanceOf(CallFrames.Invalid.class, CallFrames.read(frame))
                .code();
    }
}
