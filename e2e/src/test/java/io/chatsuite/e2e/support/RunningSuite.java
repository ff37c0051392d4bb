package io.chatsuite.e2e.support;

import io.chatsuite.local.run.LocalSuite;
import io.chatsuite.local.run.SuiteOptions;
import io.chatsuite.local.run.SuitePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The whole suite, started once per test JVM with the same launcher code as {@code ./chat up}: embedded
 * PostgreSQL and Kafka, Keycloak with the demo realm, the five services as processes and the edge.
 */
public final class RunningSuite {

    private static LocalSuite suite;

    private RunningSuite() {}

    public static synchronized LocalSuite get() {
        if (suite == null) {
            Path repo = Paths.get("").toAbsolutePath().getParent();
            Path data;
            try {
                data = Files.createTempDirectory(repo.resolve("e2e/target"), "suite-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            suite = LocalSuite.start(SuiteOptions.builder()
                    .repoRoot(repo)
                    .dataDir(data)
                    .fresh(true)
                    // Free ports: the tests may run beside a developer's ./chat up.
                    .ports(SuitePorts.free())
                    .keycloak(true)
                    .demoCampaign(false)
                    .serviceStartTimeout(Duration.ofSeconds(120))
                    .keycloakStartTimeout(Duration.ofSeconds(180))
                    .progress(line -> System.out.println("[suite] " + line))
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "suite-stop"));
        }
        return suite;
    }

    /** ws://host:port of the edge. */
    public static String edgeWs() {
        return get().urls().edge().replaceFirst("^http", "ws");
    }
}
