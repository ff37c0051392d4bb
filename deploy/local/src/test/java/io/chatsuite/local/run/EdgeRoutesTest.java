package io.chatsuite.local.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EdgeRoutesTest {

    private static String serviceOf(String path) {
        return EdgeRoutes.resolve(EdgeRoutes.TABLE, path).orElseThrow().service();
    }

    @Test
    void sendsEachPrefixToTheServiceTheIngressWillUse() {
        assertEquals("campaign-service", serviceOf("/api/campaigns"));
        assertEquals("campaign-service", serviceOf("/api/campaigns/c-1/versions"));
        assertEquals("campaign-service", serviceOf("/api/agent-profiles/alice"));
        assertEquals("routing-service", serviceOf("/api/routing/service-levels"));
        assertEquals("offline-message-service", serviceOf("/api/recordings"));
        assertEquals("signaling-service", serviceOf("/ws/call/i-1"));
        assertEquals("signaling-service", serviceOf("/api/calls/ice-servers"));
        assertEquals("chat-gateway", serviceOf("/ws/customer"));
        assertEquals("chat-gateway", serviceOf("/ws/agent"));
        assertEquals("chat-gateway", serviceOf("/widget/loader.js"));
        assertEquals("chat-gateway", serviceOf("/console/"));
        assertEquals("chat-gateway", serviceOf("/demo/"));
        assertEquals("chat-gateway", serviceOf("/"));
        assertEquals("chat-gateway", serviceOf(""));
    }

    @Test
    void matchesWholePathSegmentsLikeAnIngressPrefix() {
        assertEquals("chat-gateway", serviceOf("/api/campaignsx"));
        assertEquals("chat-gateway", serviceOf("/ws/callback"));
    }

    @Test
    void coversEveryServiceAndOnlyKnownOnes() {
        Set<String> routed =
                EdgeRoutes.TABLE.stream().map(EdgeRoutes.Route::service).collect(Collectors.toSet());
        assertEquals(SuiteService.ALL.stream().map(SuiteService::name).collect(Collectors.toSet()), routed);
    }

    @Test
    void rejectsMalformedPrefixes() {
        assertThrows(IllegalArgumentException.class, () -> new EdgeRoutes.Route("api", "chat-gateway"));
        assertThrows(IllegalArgumentException.class, () -> new EdgeRoutes.Route("/api/", "chat-gateway"));
    }

    @Test
    void readmeDocumentsExactlyThisTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = EdgeRoutes.markdown(EdgeRoutes.TABLE);
        assertTrue(
                readme.contains(table),
                "deploy/local/README.md must contain the route table as printed by " + "./chat routes:\n" + table);
    }
}
