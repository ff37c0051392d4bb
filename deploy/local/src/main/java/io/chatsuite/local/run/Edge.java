package io.chatsuite.local.run;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local edge on http://localhost:8080: a reverse proxy that sends each request, WebSocket upgrades
 * included, to the service owning its path prefix ({@link EdgeRoutes}), as the Kubernetes ingress does. The
 * Host and Origin headers pass through unchanged, so services build their URLs and check origins as they
 * would behind the ingress.
 */
public final class Edge implements AutoCloseable {

    private static final String BACKEND_HOST = "127.0.0.1";

    private final Vertx vertx;
    private final HttpServer server;

    private Edge(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Starts the edge on {@code host:port} (0 picks a free port). {@code servicePorts} gives the port of each
     * running service; a route to a service that is not running answers 503.
     */
    public static Edge start(String host, int port, List<EdgeRoutes.Route> routes, Map<String, Integer> servicePorts) {
        Vertx vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2).setInternalBlockingPoolSize(2));
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setMaxPoolSize(256)
                    .setKeepAlive(true)
                    .setMaxWebSocketFrameSize(1 << 20)
                    .setMaxWebSocketMessageSize(1 << 22));
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(true), client)
                    .originRequestProvider((req, c) -> origin(routes, servicePorts, req)
                            .map(p -> c.request(originRequest(req, p)))
                            .orElseGet(() -> Future.failedFuture("no backend for " + req.path())))
                    .addInterceptor(new ForwardedHeaders());
            // No h2c: browsers never use it, and an upgraded request's body has no length the HTTP/1.1 backend
            // connection could forward.
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                            .setHttp2ClearTextEnabled(false)
                            .setMaxWebSocketFrameSize(1 << 20)
                            .setMaxWebSocketMessageSize(1 << 22))
                    .requestHandler(req -> {
                        Optional<Integer> backend = origin(routes, servicePorts, req);
                        if (backend.isEmpty()) {
                            String service = EdgeRoutes.resolve(routes, req.path())
                                    .map(EdgeRoutes.Route::service)
                                    .orElse("no service");
                            req.response()
                                    .setStatusCode(503)
                                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                                    .end(service + " is not running in this local run (edge route for " + req.path()
                                            + ")\n");
                            return;
                        }
                        proxy.handle(req);
                    });
            server.listen(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new Edge(vertx, server);
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StartupException(
                    "The edge cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
        }
    }

    private static Optional<Integer> origin(
            List<EdgeRoutes.Route> routes, Map<String, Integer> servicePorts, HttpServerRequest req) {
        return EdgeRoutes.resolve(routes, req.path()).map(r -> servicePorts.get(r.service()));
    }

    /**
     * Connects to the backend but keeps the browser's Host: the proxy would otherwise send the backend's address,
     * and for WebSocket upgrades it drops the incoming Host header altogether.
     */
    private static RequestOptions originRequest(HttpServerRequest req, int backendPort) {
        RequestOptions options =
                new RequestOptions().setServer(SocketAddress.inetSocketAddress(backendPort, BACKEND_HOST));
        HostAndPort authority = req.authority();
        if (authority != null) {
            options.setHost(authority.host()).setPort(authority.port() > 0 ? authority.port() : 80);
        }
        return options;
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing is best effort: the JVM or the test ends right after.
        }
    }

    /** Adds the X-Forwarded-* headers an ingress controller adds, leaving Host and Origin untouched. */
    private static final class ForwardedHeaders implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            var headers = context.request().headers();
            if (incoming.remoteAddress() != null) {
                String previous = headers.get("X-Forwarded-For");
                String client = incoming.remoteAddress().hostAddress();
                headers.set("X-Forwarded-For", previous == null ? client : previous + ", " + client);
            }
            if (!headers.contains("X-Forwarded-Proto")) {
                headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            }
            if (!headers.contains("X-Forwarded-Host") && incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().toString());
            }
            return context.sendRequest();
        }
    }
}
