package io.chatsuite.gateway.customer.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.gateway.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerFrameErrorsTest extends GatewayTestBase {

    @Test
    void unreadableUnknownAndOversizedFramesGetErrorsAndTheSessionStaysUp() {
        Chat chat = startChat(campaign(), "en", null);
        WsClient client = chat.client();

        client.send("this is not json");
        assertEquals("BAD_FRAME", client.next("error").path("code").asText());
        client.send("{\"text\":\"no type\"}");
        assertEquals("BAD_FRAME", client.next("error").path("code").asText());
        client.send("{\"type\":\"dance\"}");
        assertEquals("UNKNOWN_TYPE", client.next("error").path("code").asText());
        client.send(ClientFrames.message("c-long", "x".repeat(4001)));
        JsonNode tooLong = client.next("error");
        assertEquals("BAD_FRAME", tooLong.path("code").asText());
        assertEquals("c-long", tooLong.path("clientId").asText());
        client.send(ClientFrames.message("", "hi"));
        assertEquals("BAD_FRAME", client.next("error").path("code").asText());
        client.send(ClientFrames.message("c-big", "x".repeat(20 * 1024)));
        assertEquals("TOO_LARGE", client.next("error").path("code").asText());
        client.send(ClientFrames.hello("en", null));
        assertEquals("BAD_FRAME", client.next("error").path("code").asText(), "one hello per connection");

        assertFalse(client.isClosed());
        JsonNode message = write(chat, "x".repeat(4000));
        assertEquals(2, message.path("seq").asLong());
    }
}
