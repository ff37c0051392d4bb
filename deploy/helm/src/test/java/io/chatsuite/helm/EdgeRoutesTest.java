package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.local.run.EdgeRoutes;
import io.chatsuite.local.run.SuiteService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kubernetes ingress and HTTPRoute route exactly the paths the local edge routes, to the same services. */
class EdgeRoutesTest {

    /** A route as "prefix -> service:port". */
    private static List<String> expected() {
        return EdgeRoutes.TABLE.stream()
                .map(r -> r.pathPrefix() + " -> " + r.service() + ":"
                        + SuiteService.named(r.service()).defaultPort())
                .sorted()
                .toList();
    }

    @Test
    void ingressPathsAreTheEdgeRoutes() {
        JsonNode ingress = Charts.ofKind(Charts.manifests(Charts.Example.MINIMAL), "Ingress")
                .get(0);
        List<JsonNode> deployments = RenderedManifestsTest.serviceDeployments(Charts.Example.MINIMAL);
        List<String> routes = new ArrayList<>();
        for (JsonNode p : ingress.at("/spec/rules/0/http/paths")) {
            assertEquals("Prefix", p.path("pathType").asText());
            String backend = p.at("/backend/service/name").asText();
            String service = backend.substring((Charts.RELEASE + "-").length());
            // The ingress targets the port by name: the number is the one the service's container listens on.
            assertEquals("http", p.at("/backend/service/port/name").asText());
            routes.add(p.path("path").asText() + " -> " + service + ":" + portOf(deployments, backend));
        }
        assertEquals(expected(), routes.stream().sorted().toList());
    }

    @Test
    void httpRouteRulesAreTheEdgeRoutes() {
        JsonNode route = Charts.ofKind(Charts.manifests(Charts.Example.OPERATORS), "HTTPRoute")
                .get(0);
        List<String> routes = new ArrayList<>();
        for (JsonNode rule : route.at("/spec/rules")) {
            assertEquals("PathPrefix", rule.at("/matches/0/path/type").asText());
            String backend = rule.at("/backendRefs/0/name").asText();
            routes.add(rule.at("/matches/0/path/value").asText() + " -> "
                    + backend.substring((Charts.RELEASE + "-").length()) + ":"
                    + rule.at("/backendRefs/0/port").asInt());
            assertEquals("0s", rule.at("/timeouts/request").asText());
        }
        assertEquals(expected(), routes.stream().sorted().toList());
    }

    private static int portOf(List<JsonNode> deployments, String name) {
        return deployments.stream()
                .filter(d -> d.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name))
                .at("/spec/template/spec/containers/0/ports/0/containerPort")
                .asInt();
    }
}
