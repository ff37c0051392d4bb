package io.chatsuite.local.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What must hold before anything starts: free ports, the services' jars built, Keycloak's distribution at hand;
 * each failure says how to fix it.
 */
final class Preflight {

    private Preflight() {}

    static void check(SuiteOptions options) {
        SuitePorts ports = options.ports();
        Map<String, Integer> needed = new LinkedHashMap<>();
        needed.put("edge", ports.edge());
        needed.put("PostgreSQL", ports.postgres());
        needed.put("Kafka", ports.kafka());
        if (options.keycloak()) {
            needed.put("Keycloak", ports.keycloak());
        }
        options.services().forEach(s -> needed.put(s.name(), ports.service(s.name())));
        PortCheck.requireFree(needed);

        List<String> missing = options.services().stream()
                .map(s -> s.runJar(options.repoRoot()))
                .filter(p -> !Files.isRegularFile(p))
                .map(Path::toString)
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new StartupException("Not built yet: " + String.join(", ", missing)
                    + "\nBuild with: ./mvnw -B -DskipTests install (or ./chat up --build), or start fewer services "
                    + "with --services.");
        }
        if (options.keycloak()) {
            KeycloakServer.javaHome();
            KeycloakServer.Distribution dist = KeycloakServer.Distribution.fromBuild();
            if (!Files.exists(
                            options.keycloakHome(dist.version()).resolve("bin").resolve("kc.sh"))
                    && !Files.isRegularFile(dist.zip())) {
                throw new StartupException("The Keycloak " + dist.version() + " distribution is not in the Maven "
                        + "repository: " + dist.zip() + "\nBuild once with: ./mvnw -B -DskipTests -pl deploy/local "
                        + "install (it downloads org.keycloak:keycloak-quarkus-dist:" + dist.version() + ":zip), or "
                        + "start without Keycloak (--no-keycloak).");
            }
        }
    }
}
