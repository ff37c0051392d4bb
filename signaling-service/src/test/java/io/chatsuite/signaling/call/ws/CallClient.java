package io.chatsuite.signaling.call.ws;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/** A call socket client as a browser would open it, recording every frame it receives. */
final class CallClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final WebSocketClient client;
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();
    private WebSocket socket;

    private CallClient(WebSocketClient client) {
        this.client = client;
    }

    // Runs on the event loop as the handshake completes, so not even the first frame can arrive unobserved.
    private WebSocket listen(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(frames::add);
        socket.closeHandler(ignored -> closed.complete(socket.closeStatusCode()));
        return socket;
    }

    static Consumer<WebSocketConnectOptions> bearer(String token) {
        return o -> o.addHeader("Authorization", "Bearer " + token);
    }

    /** The token the way browsers send it: as an encodeURIComponent-ed subprotocol next to the carrier. */
    static Consumer<WebSocketConnectOptions> bearerSubprotocol(String token) {
        String carried = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return o -> o.addSubProtocol("bearer-token-carrier").addSubProtocol(carried);
    }

    static Consumer<WebSocketConnectOptions> none() {
        return o -> {};
    }

    static String path(String interactionId) {
        return "/ws/call/" + interactionId;
    }

    static String customerPath(String interactionId, String sessionToken) {
        return path(interactionId) + "?sessionToken=" + URLEncoder.encode(sessionToken, StandardCharsets.UTF_8);
    }

    static CallClient open(Vertx vertx, int port, String path, Consumer<WebSocketConnectOptions> credentials) {
        WebSocketClient client = vertx.createWebSocketClient();
        CallClient callClient = new CallClient(client);
        try {
            connect(client, port, path, credentials, callClient::listen).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return callClient;
        } catch (ExecutionException e) {
            client.close();
            throw new AssertionError("Handshake of " + path + " refused: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            client.close();
            throw new AssertionError(e);
        }
    }

    /** The HTTP status the handshake was refused with; fails when the socket opens. */
    static int refusal(Vertx vertx, int port, String path, Consumer<WebSocketConnectOptions> credentials) {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            connect(client, port, path, credentials, socket -> socket).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return fail("Handshake of " + path + " should have been refused");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
            throw new AssertionError("Unexpected handshake failure", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            client.close();
        }
    }

    private static CompletableFuture<WebSocket> connect(
            WebSocketClient client,
            int port,
            String path,
            Consumer<WebSocketConnectOptions> credentials,
            Function<WebSocket, WebSocket> onOpen) {
        WebSocketConnectOptions options =
                new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI(path);
        credentials.accept(options);
        return client.connect(options).map(onOpen).toCompletionStage().toCompletableFuture();
    }

    String subprotocol() {
        return socket.subProtocol();
    }

    void send(String text) {
        socket.writeTextMessage(text);
    }

    String nextRaw() {
        try {
            String frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(frame, "expected a frame within " + WAIT);
            return frame;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    JsonObject next() {
        return new JsonObject(nextRaw());
    }

    void assertNoFrame(Duration within) {
        try {
            assertNull(frames.poll(within.toMillis(), TimeUnit.MILLISECONDS), "expected no frame");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The close code the server sent, -1 for none. */
    int awaitClose() {
        try {
            Short code = closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return code == null ? -1 : code;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("socket was not closed", e);
        }
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
        client.close();
    }
}
