package io.chatsuite.local.run;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One of the suite's five Quarkus services as the local run starts it: its Maven module (named like the
 * service), its default HTTP port and its own PostgreSQL database.
 */
public record SuiteService(String name, int defaultPort, String database) {

    public static final SuiteService CAMPAIGN = new SuiteService("campaign-service", 8081, "campaigns");
    public static final SuiteService ROUTING = new SuiteService("routing-service", 8082, "routing");
    public static final SuiteService GATEWAY = new SuiteService("chat-gateway", 8083, "gateway");
    public static final SuiteService SIGNALING = new SuiteService("signaling-service", 8084, "signaling");
    public static final SuiteService OFFLINE = new SuiteService("offline-message-service", 8085, "recordings");

    /** Every service, in the order the launcher reports them. */
    public static final List<SuiteService> ALL = List.of(CAMPAIGN, ROUTING, GATEWAY, SIGNALING, OFFLINE);

    public static SuiteService named(String name) {
        return ALL.stream()
                .filter(s -> s.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown service '" + name + "'; known: "
                        + ALL.stream().map(SuiteService::name).collect(Collectors.joining(", "))));
    }

    /** The runnable jar that {@code ./mvnw install} leaves in the service's module. */
    public Path runJar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
