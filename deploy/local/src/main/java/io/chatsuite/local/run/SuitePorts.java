package io.chatsuite.local.run;

import io.chatsuite.local.infra.Ports;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The TCP ports of one local run: the documented defaults for {@code ./chat up}, or free ones for tests that
 * must not collide with a developer's running suite.
 */
public record SuitePorts(int edge, int postgres, int kafka, int keycloak, Map<String, Integer> services) {

    public static final int EDGE = 8080;
    public static final int POSTGRES = 15432;
    public static final int KAFKA = 9092;
    public static final int KEYCLOAK = 8180;

    public SuitePorts {
        services = Map.copyOf(services);
        for (SuiteService s : SuiteService.ALL) {
            if (!services.containsKey(s.name())) {
                throw new IllegalArgumentException("No port for " + s.name());
            }
        }
    }

    /** edge 8080, services 8081–8085, Keycloak 8180, Kafka 9092, PostgreSQL 15432. */
    public static SuitePorts defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        SuiteService.ALL.forEach(s -> services.put(s.name(), s.defaultPort()));
        return new SuitePorts(EDGE, POSTGRES, KAFKA, KEYCLOAK, services);
    }

    /** Distinct ports that are free now (a small race remains until each server binds). */
    public static SuitePorts free() {
        // The OS may hand out the same port again once its probe socket is closed: skip repeats.
        Set<Integer> taken = new HashSet<>();
        IntSupplier next = () -> {
            int port;
            do {
                port = Ports.free();
            } while (!taken.add(port));
            return port;
        };
        Map<String, Integer> services = new LinkedHashMap<>();
        SuiteService.ALL.forEach(s -> services.put(s.name(), next.getAsInt()));
        return new SuitePorts(next.getAsInt(), next.getAsInt(), next.getAsInt(), next.getAsInt(), services);
    }

    public int service(String name) {
        Integer port = services.get(name);
        if (port == null) {
            throw new IllegalArgumentException("No port for " + name);
        }
        return port;
    }

    public SuitePorts withEdge(int port) {
        return new SuitePorts(port, postgres, kafka, keycloak, services);
    }
}
