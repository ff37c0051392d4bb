package io.chatsuite.local.run;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The local Keycloak: the distribution zip from the Maven repository, unpacked once into the data directory,
 * started in dev mode with the chat-suite realm imported, and stopped by PID.
 */
final class KeycloakServer {

    static final String REALM = "chat-suite";
    static final String CONSOLE_CLIENT = "chat-console";
    static final String REALM_RESOURCE = "/keycloak/chat-suite-realm.json";
    /** The origin written in the realm file; replaced by the run's edge origin when ports differ. */
    static final String REALM_EDGE_ORIGIN = "http://localhost:8080";

    private final ChildProcess process;
    private final int port;

    private KeycloakServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Keycloak's version and zip path, as Maven resolved them when building this module. */
    record Distribution(String version, Path zip) {
        static Distribution fromBuild() {
            Properties p = new Properties();
            try (InputStream in = KeycloakServer.class.getResourceAsStream("/local-infra.properties")) {
                if (in == null) {
                    throw new IllegalStateException("local-infra.properties is missing from the classpath");
                }
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Distribution(p.getProperty("keycloak.version"), Path.of(p.getProperty("keycloak.zip")));
        }
    }

    /** Unpacks the distribution into {@code home} unless it is there. */
    static void install(Distribution dist, Path home) {
        if (Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            return;
        }
        if (!Files.isRegularFile(dist.zip())) {
            throw new IllegalStateException("The Keycloak " + dist.version() + " distribution is not in the Maven "
                    + "repository: " + dist.zip() + "\nBuild once with: ./mvnw -B -DskipTests -pl deploy/local install "
                    + "(it downloads org.keycloak:keycloak-quarkus-dist:" + dist.version() + ":zip)");
        }
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        try {
            DataDirectory.deleteRecursively(partial);
            Files.createDirectories(partial);
            try (ZipFile zip = new ZipFile(dist.zip().toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    // Entries sit under "keycloak-<version>/": strip that first segment.
                    int slash = e.getName().indexOf('/');
                    String rel = slash < 0 ? "" : e.getName().substring(slash + 1);
                    if (rel.isEmpty()) {
                        continue;
                    }
                    Path target = partial.resolve(rel).normalize();
                    if (!target.startsWith(partial)) {
                        throw new IOException("Zip entry escapes the target directory: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zip.getInputStream(e)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        if (rel.endsWith(".sh")) {
                            target.toFile().setExecutable(true);
                        }
                    }
                }
            }
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + dist.zip() + " into " + home, e);
        }
    }

    /**
     * Writes the realm into {@code data/import}. Keycloak imports it only while the realm does not exist, so
     * changes made in the admin console survive restarts.
     */
    static void writeRealm(Path home, String edgeOrigin) {
        try (InputStream in = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is missing from the classpath");
            }
            String realm = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(REALM_EDGE_ORIGIN, edgeOrigin);
            Path dir = home.resolve("data").resolve("import");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(REALM + "-realm.json"), realm, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the realm file into " + home, e);
        }
    }

    /** The JDK Keycloak runs on: this JVM when it is 21 or newer (Keycloak 26 needs 21+), else $KEYCLOAK_JAVA_HOME. */
    static Path javaHome() {
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        String env = System.getenv("KEYCLOAK_JAVA_HOME");
        if (env != null && Files.isExecutable(Path.of(env, "bin", "java"))) {
            return Path.of(env);
        }
        throw new IllegalStateException("Keycloak needs Java 21 or newer; this JVM is " + Runtime.version()
                + ". Run with a JDK 21+ or set KEYCLOAK_JAVA_HOME.");
    }

    static KeycloakServer start(Path home, int port, String adminPassword, Path log) {
        List<String> cmd = new ArrayList<>(List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-port",
                String.valueOf(port),
                "--http-host",
                "127.0.0.1",
                // A fixed front-end URL keeps the token issuer the same however Keycloak is reached.
                "--hostname",
                "http://localhost:" + port,
                "--import-realm"));
        Map<String, String> env = Map.of(
                "JAVA_HOME", javaHome().toString(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                // C1 only: Keycloak starts with the five services on two cores and ends the critical path; a
                // local realm's few logins do not need C2's peak speed.
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        return new KeycloakServer(ChildProcess.start("keycloak", cmd, env, home, log), port);
    }

    long pid() {
        return process.pid();
    }

    ChildProcess process() {
        return process;
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** Waits until the realm's discovery document answers; fails early, with the log's tail, if Keycloak exits. */
    void awaitReady(Duration timeout, Cancellation cancel) {
        String url = "http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            cancel.check();
            if (Http.status(url) == 200) {
                return;
            }
            if (!process.isAlive()) {
                throw new StartupException("Keycloak exited with code " + process.exitValue() + ". Last lines of "
                        + process.log() + ":\n" + process.tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException("Keycloak was not ready within " + timeout.toSeconds() + " s. Last lines of "
                        + process.log() + ":\n" + process.tail(40));
            }
            Cancellation.sleep(500);
        }
    }

    void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    /** An access token for {@code user} by the password grant of the console client (enabled for the demo only). */
    static String passwordGrant(String issuer, String user, String password) {
        try {
            Http.Response r = Http.postForm(
                    issuer + "/protocol/openid-connect/token",
                    Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            CONSOLE_CLIENT,
                            "username",
                            user,
                            "password",
                            password,
                            "scope",
                            "openid"));
            if (r.status() != 200) {
                throw new IllegalStateException(
                        "Keycloak refused a token for " + user + ": HTTP " + r.status() + " " + r.body());
            }
            return new JsonObject(r.body()).getString("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Keycloak at " + issuer, e);
        }
    }
}
