package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What helm renders: valid against the Kubernetes schemas, hardened, scaled and monitored as the values ask. */
class RenderedManifestsTest {

    @Test
    void everyRenderedManifestValidatesAgainstItsSchema() {
        List<Path> files =
                Arrays.stream(Charts.Example.values()).map(Charts::render).toList();
        HelmTools.Result r = HelmTools.validate(files);
        System.out.println("[validate] " + r.output().strip());
        assertTrue(r.ok(), r.output());
    }

    @ParameterizedTest
    @EnumSource(Charts.Example.class)
    void servicePodsAreHardenedAndProbed(Charts.Example example) {
        List<JsonNode> deployments = serviceDeployments(example);
        assertEquals(5, deployments.size());
        assertAll(deployments.stream().map(d -> () -> {
            String name = d.at("/metadata/name").asText();
            JsonNode pod = d.at("/spec/template/spec");
            JsonNode c = pod.at("/containers/0");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), name);
            assertEquals(
                    "RuntimeDefault",
                    pod.at("/securityContext/seccompProfile/type").asText(),
                    name);
            assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean(), name);
            assertEquals(
                    false, c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), name);
            assertEquals("ALL", c.at("/securityContext/capabilities/drop/0").asText(), name);
            assertEquals("/q/health/started", c.at("/startupProbe/httpGet/path").asText(), name);
            assertEquals("/q/health/live", c.at("/livenessProbe/httpGet/path").asText(), name);
            assertEquals("/q/health/ready", c.at("/readinessProbe/httpGet/path").asText(), name);
            assertEquals("/tmp", c.at("/volumeMounts/0/mountPath").asText(), name);
            assertTrue(pod.at("/volumes/0/emptyDir").isObject(), name);
            assertTrue(c.at("/resources/requests/cpu").isTextual(), name);
            assertEquals(2, pod.at("/topologySpreadConstraints").size(), name);
        }));
    }

    @Test
    void autoscalingIsOnByDefaultForTheGatewayAndRoutingOnly() {
        // The operators example leaves autoscaling at the charts' defaults.
        assertEquals(
                Set.of("chat-chat-gateway", "chat-routing-service"),
                names(Charts.ofKind(Charts.manifests(Charts.Example.OPERATORS), "HorizontalPodAutoscaler")));
        assertEquals(
                Set.of(), names(Charts.ofKind(Charts.manifests(Charts.Example.MINIMAL), "HorizontalPodAutoscaler")));
        for (JsonNode d : Charts.ofKind(Charts.manifests(Charts.Example.OPERATORS), "Deployment")) {
            boolean scaled = d.at("/metadata/name").asText().matches("chat-(chat-gateway|routing-service)");
            assertEquals(!scaled, d.at("/spec/replicas").isNumber(), "a scaled Deployment leaves replicas to the HPA");
        }
    }

    @Test
    void monitoringResourcesOnlyWhereThePrometheusOperatorIs() {
        List<JsonNode> minimal = Charts.manifests(Charts.Example.MINIMAL);
        assertEquals(0, Charts.ofKind(minimal, "ServiceMonitor").size());
        assertEquals(0, Charts.ofKind(minimal, "PrometheusRule").size());
        assertEquals(
                1,
                Charts.ofKind(minimal, "ConfigMap").stream()
                        .filter(c -> c.at("/metadata/labels/grafana_dashboard")
                                .asText()
                                .equals("1"))
                        .count());
        List<JsonNode> production = Charts.manifests(Charts.Example.PRODUCTION);
        assertEquals(5, Charts.ofKind(production, "ServiceMonitor").size());
        JsonNode rule = Charts.ofKind(production, "PrometheusRule").get(0);
        Set<String> alerts = new TreeSet<>();
        rule.at("/spec/groups/0/rules").forEach(r -> alerts.add(r.path("alert").asText()));
        assertTrue(
                alerts.containsAll(Set.of(
                        "ChatServiceLevelBelowTarget",
                        "ChatQueueGrowing",
                        "ChatKafkaConsumerLag",
                        "ChatHttpErrorRate")),
                alerts.toString());
    }

    @Test
    void networkPoliciesLetOnlyTheIngressIn() {
        List<JsonNode> policies = Charts.ofKind(Charts.manifests(Charts.Example.PRODUCTION), "NetworkPolicy");
        assertEquals(5, policies.size());
        for (JsonNode p : policies) {
            assertEquals(1, p.at("/spec/ingress").size());
            assertEquals("http", p.at("/spec/ingress/0/ports/0/port").asText());
            assertEquals(
                    "ingress-nginx",
                    p.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                            .asText());
            assertEquals(4, p.at("/spec/egress").size(), "DNS, Kafka, PostgreSQL and OIDC");
        }
    }

    @Test
    void productionServesTlsWithCertManager() {
        JsonNode ingress = Charts.ofKind(Charts.manifests(Charts.Example.PRODUCTION), "Ingress")
                .get(0);
        assertEquals("chat.example.com", ingress.at("/spec/tls/0/hosts/0").asText());
        assertEquals(
                "letsencrypt-prod",
                ingress.at("/metadata/annotations/cert-manager.io~1cluster-issuer")
                        .asText());
        assertEquals(
                "3600",
                ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout")
                        .asText());
    }

    static List<JsonNode> serviceDeployments(Charts.Example example) {
        return Charts.ofKind(Charts.manifests(example), "Deployment").stream()
                .filter(d -> d.at("/metadata/labels/app.kubernetes.io~1component")
                        .asText()
                        .equals("service"))
                .toList();
    }

    private static Set<String> names(List<JsonNode> manifests) {
        return manifests.stream().map(m -> m.at("/metadata/name").asText()).collect(Collectors.toSet());
    }
}
