package io.chatsuite.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client speaking the suite's JSON frames, recording every frame it receives. */
public final class JsonSocket implements AutoCloseable {

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final WebSocket socket;

    private JsonSocket(URI uri, String origin, String bearer) {
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (bearer != null) {
            // As browsers must: a subprotocol may not hold spaces or '#', so the carrier value is URI-encoded.
            String carrier = URLEncoder.encode(
                            "quarkus-http-upgrade#Authorization#Bearer " + bearer, StandardCharsets.UTF_8)
                    .replace("+", "%20");
            builder.subprotocols("bearer-token-carrier", carrier);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static JsonSocket customer(String baseWsUrl, String campaignId, String origin) {
        return new JsonSocket(URI.create(baseWsUrl + "/ws/customer?campaignId=" + campaignId), origin, null);
    }

    public static JsonSocket agent(String baseWsUrl, String token) {
        return new JsonSocket(URI.create(baseWsUrl + "/ws/agent"), null, token);
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Waits for the next frame matching {@code filter}; frames skipped on the way stay in {@link #seen()}. */
    public JsonNode await(Predicate<JsonNode> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame != null && filter.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No matching frame within " + timeout + "; received " + seen());
    }

    public JsonNode awaitType(String type) {
        return await(f -> type.equals(f.path("type").asText()), Duration.ofSeconds(20));
    }

    public synchronized List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = EventCodec.mapper().readTree(partial.toString());
                    synchronized (JsonSocket.this) {
                        seen.add(frame);
                    }
                    inbox.add(frame);
                } catch (IOException e) {
                    throw new AssertionError("Server sent a frame that is not JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
