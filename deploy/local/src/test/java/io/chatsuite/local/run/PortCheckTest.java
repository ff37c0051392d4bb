package io.chatsuite.local.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.local.infra.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortCheckTest {

    @TempDir
    Path dir;

    @Test
    void namesEveryTakenPortAndItsUse() throws Exception {
        try (ServerSocket edge = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket kafka = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("edge", edge.getLocalPort());
            ports.put("PostgreSQL", Ports.free());
            ports.put("Kafka", kafka.getLocalPort());
            PortConflictException e = assertThrows(PortConflictException.class, () -> PortCheck.requireFree(ports));
            assertTrue(
                    e.getMessage()
                            .startsWith("Port " + edge.getLocalPort() + " (edge) is already in use\n" + "Port "
                                    + kafka.getLocalPort() + " (Kafka) is already in use\n"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("PostgreSQL"), e.getMessage());
            assertTrue(e.getMessage().contains("Stop that process"), e.getMessage());
        }
    }

    @Test
    void passesWhenAllPortsAreFree() {
        PortCheck.requireFree(Map.of("edge", Ports.free(), "Kafka", Ports.free()));
    }

    @Test
    void theSuiteRefusesToStartAndStartsNothingWhenAPortIsTaken() throws Exception {
        List<String> progress = new ArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SuiteOptions options = SuiteOptions.builder()
                    .dataDir(dir.resolve("data"))
                    .ports(SuitePorts.free().withEdge(taken.getLocalPort()))
                    .keycloak(false)
                    .progress(progress::add)
                    .build();
            PortConflictException e = assertThrows(PortConflictException.class, () -> LocalSuite.start(options));
            assertTrue(
                    e.getMessage().contains("Port " + taken.getLocalPort() + " (edge) is already in use"),
                    e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("data").resolve("postgres")), "PostgreSQL must not have started");
        assertFalse(Files.exists(dir.resolve("data").resolve("kafka")), "Kafka must not have started");
        assertEquals(1, progress.size(), "only the start line: " + progress);
    }

    @Test
    void freshRefusesToDeleteADirectoryThatIsNotASuiteDataDirectory() throws Exception {
        Path foreign = dir.resolve("documents");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.txt"), "precious");
        SuiteOptions options =
                SuiteOptions.builder().dataDir(foreign).fresh(true).build();
        assertThrows(IllegalArgumentException.class, () -> LocalSuite.prepare(options));
        assertTrue(Files.exists(foreign.resolve("thesis.txt")));
    }
}
