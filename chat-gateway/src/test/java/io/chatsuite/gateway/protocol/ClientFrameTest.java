package io.chatsuite.gateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientFrameTest {

    private static ErrorCode refusal(Runnable r) {
        return assertThrows(FrameException.class, r::run).code();
    }

    @Test
    void framesMustBeJsonObjectsWithAType() {
        assertEquals(ErrorCode.BAD_FRAME, refusal(() -> ClientFrame.parse("hello")));
        assertEquals(ErrorCode.BAD_FRAME, refusal(() -> ClientFrame.parse("[1,2]")));
        assertEquals(ErrorCode.BAD_FRAME, refusal(() -> ClientFrame.parse("{\"text\":\"x\"}")));
        assertEquals(ErrorCode.BAD_FRAME, refusal(() -> ClientFrame.parse("{\"type\":7}")));
        assertEquals(
                ErrorCode.UNKNOWN_TYPE,
                ClientFrame.parse("{\"type\":\"dance\"}").unknownType().code());
    }

    @Test
    void textMustBeOneTo4000CharactersAndNotBlank() {
        assertEquals(
                "x".repeat(4000),
                ClientFrame.parse(frameWithText("x".repeat(4000))).text());
        assertEquals(
                "😀".repeat(4000),
                ClientFrame.parse(frameWithText("😀".repeat(4000))).text());
        assertEquals(
                ErrorCode.BAD_FRAME,
                refusal(() -> ClientFrame.parse(frameWithText("x".repeat(4001))).text()));
        assertEquals(
                ErrorCode.BAD_FRAME,
                refusal(() -> ClientFrame.parse(frameWithText("  ")).text()));
        assertEquals(
                ErrorCode.BAD_FRAME,
                refusal(() -> ClientFrame.parse("{\"type\":\"message\"}").text()));
    }

    @Test
    void clientIdsAndSequenceNumbersAreChecked() {
        assertEquals(
                ErrorCode.BAD_FRAME,
                refusal(() ->
                        ClientFrame.parse("{\"type\":\"m\",\"clientId\":\"\"}").clientId()));
        assertEquals(
                ErrorCode.BAD_FRAME,
                refusal(() -> ClientFrame.parse("{\"type\":\"m\",\"clientId\":\"" + "c".repeat(65) + "\"}")
                        .clientId()));
        assertEquals(
                ErrorCode.BAD_FRAME,
                refusal(() ->
                        ClientFrame.parse("{\"type\":\"hello\",\"lastSeq\":-1}").optionalSeq("lastSeq", 0)));
        assertEquals(
                ErrorCode.BAD_FRAME,
                refusal(() -> ClientFrame.parse("{\"type\":\"hello\",\"lastSeq\":\"3\"}")
                        .optionalSeq("lastSeq", 0)));
        assertEquals(7, ClientFrame.parse("{\"type\":\"hello\",\"lastSeq\":7}").optionalSeq("lastSeq", 0));
        assertEquals(
                Map.of("a", 3L),
                ClientFrame.parse("{\"type\":\"resume\",\"interactions\":{\"a\":3}}")
                        .seqMap("interactions", 10));
        assertEquals(
                ErrorCode.BAD_FRAME,
                refusal(() -> ClientFrame.parse("{\"type\":\"resume\",\"interactions\":{\"a\":-3}}")
                        .seqMap("interactions", 10)));
    }

    private static String frameWithText(String text) {
        return "{\"type\":\"message\",\"clientId\":\"c1\",\"text\":\"" + text + "\"}";
    }
}
