package io.chatsuite.local.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpCommandTest {

    @Test
    void defaultsToAllServicesWithKeycloakAndKeptData() {
        ChatSuite.UpCommand c = ChatSuite.UpCommand.parse(List.of(), null);
        assertFalse(c.fresh());
        assertTrue(c.keycloak());
        assertEquals(5, c.services().size());
        assertNull(c.dataDir());
    }

    @Test
    void readsFreshServicesKeycloakAndDataDir() {
        ChatSuite.UpCommand c = ChatSuite.UpCommand.parse(
                List.of(
                        "--fresh",
                        "--build",
                        "--services",
                        "campaign-service,chat-gateway",
                        "--no-keycloak",
                        "--data-dir=/tmp/x"),
                null);
        assertTrue(c.fresh());
        assertFalse(c.keycloak());
        assertEquals(List.of("campaign-service", "chat-gateway"), c.services());
        assertEquals(Path.of("/tmp/x"), c.dataDir());
    }

    @Test
    void takesTheServicesFromTheEnvironmentUnlessGiven() {
        assertEquals(
                List.of("campaign-service"),
                ChatSuite.UpCommand.parse(List.of(), "campaign-service").services());
        assertEquals(
                List.of("routing-service"),
                ChatSuite.UpCommand.parse(List.of("--services=routing-service"), "campaign-service")
                        .services());
    }

    @Test
    void rejectsUnknownOptionsAndServices() {
        assertThrows(IllegalArgumentException.class, () -> ChatSuite.UpCommand.parse(List.of("--frsh"), null));
        assertThrows(
                IllegalArgumentException.class,
                () -> ChatSuite.UpCommand.parse(List.of("--services", "billing-service"), null));
        assertThrows(IllegalArgumentException.class, () -> ChatSuite.UpCommand.parse(List.of("--services"), null));
    }
}
