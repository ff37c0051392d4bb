package io.chatsuite.local.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.local.infra.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The programmatic suite without Keycloak and services: the infrastructure and the edge, then a clean stop. */
class LocalSuiteTest {

    @TempDir
    Path dir;

    @Test
    void startsInfrastructureAndEdgeReportsProgressAndStopsEverything() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        SuitePorts ports = SuitePorts.free();
        SuiteOptions options = SuiteOptions.builder()
                .dataDir(dir.resolve("data"))
                .ports(ports)
                .keycloak(false)
                .services(List.of())
                .progress(progress::add)
                .build();
        String secret;
        try (LocalSuite suite = LocalSuite.start(options)) {
            SuiteUrls urls = suite.urls();
            assertEquals("http://localhost:" + ports.edge(), urls.edge());
            assertEquals(urls.edge() + "/console/", urls.console());
            assertEquals("http://localhost:" + ports.keycloak() + "/realms/chat-suite", urls.oidcIssuer());

            try (Connection c = DriverManager.getConnection(suite.jdbcUrl("recordings"), "postgres", "postgres");
                    ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
                assertTrue(rs.next());
                assertEquals("recordings", rs.getString(1));
            }
            Properties p = new Properties();
            p.put("bootstrap.servers", suite.kafkaBootstrapServers());
            try (Admin admin = Admin.create(p)) {
                assertTrue(admin.listTopics().names().get().containsAll(List.of("campaigns", "interactions")));
            }
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(urls.edge() + "/widget/loader.js"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode(), "no gateway in this suite");

            secret = suite.sessionSecret();
            assertTrue(secret.length() >= 32);
            assertEquals(
                    secret,
                    Files.readString(dir.resolve("data").resolve("session.secret"))
                            .trim());
            assertTrue(Files.exists(dir.resolve("data").resolve("run.pids")));
        }
        assertTrue(
                progress.stream()
                        .anyMatch(l -> l.matches("\\[ *\\d+\\.\\ds\\] PostgreSQL 17\\.\\d+ ready on 127\\.0\\.0\\.1:"
                                + ports.postgres() + ".*")),
                String.join("\n", progress));
        assertTrue(
                progress.stream().anyMatch(l -> l.contains("Kafka 4.1.2 ready on 127.0.0.1:" + ports.kafka())),
                String.join("\n", progress));
        assertTrue(progress.stream().anyMatch(l -> l.contains("Edge ready on http://localhost:" + ports.edge())));
        assertTrue(progress.stream().anyMatch(l -> l.contains("Chat suite ready in")));
        assertTrue(progress.get(progress.size() - 1).endsWith("Stopped."), String.join("\n", progress));
        assertTrue(Ports.isFree(ports.edge()), "edge port released");
        assertTrue(Ports.isFree(ports.postgres()), "PostgreSQL port released");
        assertTrue(Ports.isFree(ports.kafka()), "Kafka port released");
        assertFalse(Files.exists(dir.resolve("data").resolve("run.pids")));
    }
}
