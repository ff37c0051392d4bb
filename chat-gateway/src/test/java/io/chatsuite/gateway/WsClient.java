package io.chatsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real WebSocket client for tests (Vert.x), collecting the JSON frames the server sends. */
public final class WsClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private WsClient(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> {
            try {
                frames.add(MAPPER.readTree(text));
            } catch (JsonProcessingException e) {
                frames.add(MAPPER.createObjectNode().put("type", "UNREADABLE").put("text", text));
            }
        });
        socket.closeHandler(v -> closed = true);
    }

    /** Connects, or throws {@link Refused} with the HTTP status when the server refuses the upgrade. */
    public static WsClient connect(
            Vertx vertx, URI base, String pathAndQuery, Map<String, String> headers, List<String> subprotocols) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(65536));
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI(pathAndQuery)
                // Vert.x would invent an Origin; tests say which one a browser would send, or none.
                .setAllowOriginHeader(headers.keySet().stream().anyMatch("Origin"::equalsIgnoreCase));
        headers.forEach(options::addHeader);
        if (!subprotocols.isEmpty()) {
            options.setSubProtocols(subprotocols);
        }
        try {
            WebSocket socket = client.connect(options)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return new WsClient(client, socket);
        } catch (ExecutionException e) {
            client.close();
            if (e.getCause() instanceof UpgradeRejectedException rejected) {
                throw new Refused(rejected.getStatus());
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            client.close();
            throw new IllegalStateException(e);
        }
    }

    /** A customer socket of {@code campaignId} opened from a page at {@code origin}. */
    public static WsClient customer(Vertx vertx, URI base, String campaignId, String origin) {
        return connect(
                vertx,
                base,
                "/ws/customer?campaignId=" + campaignId,
                origin == null ? Map.of() : Map.of("Origin", origin),
                List.of());
    }

    /** An agent console socket with the token in the Authorization header. */
    public static WsClient agent(Vertx vertx, URI base, String token) {
        return connect(vertx, base, "/ws/agent", Map.of("Authorization", "Bearer " + token), List.of());
    }

    public String subprotocol() {
        return socket.subProtocol();
    }

    public void send(String text) {
        socket.writeTextMessage(text).toCompletionStage().toCompletableFuture().join();
    }

    public void send(ObjectNode frame) {
        send(frame.toString());
    }

    /** The next frame, failing when none comes in time. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                fail("No frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, which must be of {@code type}. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        assertEquals(type, frame.path("type").asText(), "unexpected frame " + frame);
        return frame;
    }

    /** Every frame that arrives until none came for {@code quiet}. */
    public List<JsonNode> drain(Duration quiet) {
        List<JsonNode> drained = new ArrayList<>();
        try {
            JsonNode frame;
            while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                drained.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return drained;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            socket.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        }
        client.close();
    }

    public static ObjectNode frame(String type) {
        return MAPPER.createObjectNode().put("type", type);
    }

    /** The server refused the WebSocket upgrade with {@code status}. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status) {
            super("upgrade refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
