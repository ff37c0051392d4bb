package io.chatsuite.local.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The edge against two tiny backends standing in for campaign-service (and signaling) and the chat-gateway. */
class EdgeTest {

    private static Vertx vertx;
    private static Edge edge;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        int a = backend("A");
        int b = backend("B");
        // routing-service is deliberately absent: its routes must answer 503.
        edge = Edge.start(
                "127.0.0.1",
                0,
                EdgeRoutes.TABLE,
                Map.of("campaign-service", a, "signaling-service", a, "offline-message-service", a, "chat-gateway", b));
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A backend that describes each request it gets, and echoes WebSocket text frames with its name. */
    private static int backend(String name) throws Exception {
        HttpServer server = vertx.createHttpServer()
                .webSocketHandler((ServerWebSocket ws) -> {
                    String hello = new JsonObject()
                            .put("backend", name)
                            .put("path", ws.path())
                            .put("query", ws.query())
                            .put("host", ws.headers().get("Host"))
                            .put("origin", ws.headers().get("Origin"))
                            .encode();
                    ws.writeTextMessage(hello);
                    ws.textMessageHandler(m -> ws.writeTextMessage(name + ":" + m));
                })
                .requestHandler((HttpServerRequest req) -> req.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("backend", name)
                                .put("uri", req.uri())
                                .put("host", req.headers().get("Host"))
                                .put("origin", req.headers().get("Origin"))
                                .put("forwardedFor", req.headers().get("X-Forwarded-For"))
                                .encode()));
        return server.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    private static JsonObject get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + edge.port() + pathAndQuery))
                        .header("Origin", "https://shop.example.com")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    @Test
    void routesAnApiPrefixToItsServiceKeepingPathQueryHostAndOrigin() throws Exception {
        JsonObject seen = get("/api/campaigns/42?expand=messages");
        assertEquals("A", seen.getString("backend"));
        assertEquals("/api/campaigns/42?expand=messages", seen.getString("uri"));
        assertEquals("localhost:" + edge.port(), seen.getString("host"));
        assertEquals("https://shop.example.com", seen.getString("origin"));
        assertEquals("127.0.0.1", seen.getString("forwardedFor"));
    }

    @Test
    void sendsEverythingElseToTheGatewayAndMatchesWholeSegmentsOnly() throws Exception {
        assertEquals("B", get("/widget/loader.js").getString("backend"));
        assertEquals("B", get("/").getString("backend"));
        assertEquals("B", get("/api/campaignsx").getString("backend"));
        assertEquals("A", get("/api/agent-profiles").getString("backend"));
        assertEquals("A", get("/api/recordings/7").getString("backend"));
    }

    @Test
    void answers503WhenTheOwningServiceIsNotRunning() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + edge.port() + "/api/routing/queues"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("routing-service is not running"), r.body());
    }

    @Test
    void upgradesCustomerSocketsThroughTheGateway() throws Exception {
        String[] frames = exchange("/ws/customer?campaignId=c1", "hello");
        JsonObject handshake = new JsonObject(frames[0]);
        assertEquals("B", handshake.getString("backend"));
        assertEquals("/ws/customer", handshake.getString("path"));
        assertEquals("campaignId=c1", handshake.getString("query"));
        assertEquals("localhost:" + edge.port(), handshake.getString("host"));
        assertEquals("https://shop.example.com", handshake.getString("origin"));
        assertEquals("B:hello", frames[1]);
    }

    @Test
    void upgradesCallSocketsThroughSignaling() throws Exception {
        String[] frames = exchange("/ws/call/i-1", "offer");
        assertEquals("A", new JsonObject(frames[0]).getString("backend"));
        assertEquals("A:offer", frames[1]);
    }

    /** Opens a WebSocket through the edge, sends one frame and returns the first two frames received. */
    private static String[] exchange(String uri, String message) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            CompletableFuture<String[]> result = new CompletableFuture<>();
            String[] frames = new String[2];
            // The handler is set on the event loop as the socket opens, so the backend's first frame is not missed.
            client.connect(new WebSocketConnectOptions()
                            .setHost("localhost")
                            .setPort(edge.port())
                            .setURI(uri)
                            .addHeader("Origin", "https://shop.example.com"))
                    .onFailure(result::completeExceptionally)
                    .onSuccess(ws -> ws.textMessageHandler(m -> {
                        if (frames[0] == null) {
                            frames[0] = m;
                            ws.writeTextMessage(message);
                        } else {
                            frames[1] = m;
                            result.complete(frames);
                        }
                    }));
            return result.get(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
