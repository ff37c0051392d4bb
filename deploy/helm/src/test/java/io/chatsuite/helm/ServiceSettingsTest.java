package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The charts and the services' application.properties agree: every setting production must provide is set, and
 * no environment variable is set that the service would not read (a typo would otherwise be silently ignored).
 */
class ServiceSettingsTest {

    /** Read by frameworks rather than named in application.properties, each with who reads it. */
    private static final Map<String, String> FRAMEWORK_SETTINGS = Map.of(
            "QUARKUS_OIDC_CREDENTIALS_SECRET", "quarkus-oidc: quarkus.oidc.credentials.secret",
            "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM", "quarkus-reactive-pg-client: TLS trust",
            "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS", "quarkus-reactive-pg-client: TLS trust",
            "QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL", "quarkus-reactive-pg-client: sslmode require",
            "QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM", "quarkus-reactive-pg-client: verify-full");

    private static final Set<String> KAFKA_CLIENT_SETTINGS = kafkaClientSettings();

    @ParameterizedTest
    @EnumSource(Charts.Example.class)
    void everyRequiredProductionSettingIsSet(Charts.Example example) {
        assertAll(RenderedManifestsTest.serviceDeployments(example).stream().map(d -> () -> {
            ServiceProperties props = ServiceProperties.of(service(d));
            Set<String> missing = new TreeSet<>(props.requiredInProduction());
            missing.removeAll(environment(d, Charts.manifests(example)));
            assertTrue(missing.isEmpty(), props.service() + " lacks " + missing + " with " + example.file);
        }));
    }

    @ParameterizedTest
    @EnumSource(Charts.Example.class)
    void everyVariableSetIsOneTheServiceReads(Charts.Example example) {
        assertAll(RenderedManifestsTest.serviceDeployments(example).stream().map(d -> () -> {
            ServiceProperties props = ServiceProperties.of(service(d));
            Set<String> unread = new TreeSet<>();
            for (String env : environment(d, Charts.manifests(example))) {
                if (!reads(props, env)) {
                    unread.add(env);
                }
            }
            assertTrue(unread.isEmpty(), props.service() + " does not read " + unread + " (" + example.file + ")");
        }));
    }

    @ParameterizedTest
    @EnumSource(Charts.Example.class)
    void portsAndShutdownFollowTheService(Charts.Example example) {
        assertAll(RenderedManifestsTest.serviceDeployments(example).stream().map(d -> () -> {
            ServiceProperties props = ServiceProperties.of(service(d));
            JsonNode pod = d.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertEquals(
                    props.httpPort(), container.at("/ports/0/containerPort").asInt(), props.service());
            long preStop = container.at("/lifecycle/preStop/exec/command/1").asLong();
            long drain = preStop + props.shutdownTimeout().toSeconds();
            assertTrue(
                    pod.at("/terminationGracePeriodSeconds").asLong() > drain,
                    props.service() + ": the grace period must outlast the pause before shutdown plus "
                            + "quarkus.shutdown.timeout (" + drain + " s)");
        }));
    }

    static boolean reads(ServiceProperties props, String env) {
        if (props.references().containsKey(env) || props.hasPropertyFor(env) || FRAMEWORK_SETTINGS.containsKey(env)) {
            return true;
        }
        // Quarkus hands kafka.* (KAFKA_*) to every Kafka client of the service as a client setting.
        return env.startsWith("KAFKA_")
                && KAFKA_CLIENT_SETTINGS.contains(
                        env.substring("KAFKA_".length()).toLowerCase().replace('_', '.'));
    }

    static String service(JsonNode deployment) {
        return deployment.at("/metadata/labels/app.kubernetes.io~1name").asText();
    }

    /** The variables a Deployment's container gets: env entries and the keys of the ConfigMaps it loads. */
    static Set<String> environment(JsonNode deployment, List<JsonNode> manifests) {
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        Set<String> names = new HashSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.at("/configMapRef/name").asText();
            Charts.ofKind(manifests, "ConfigMap").stream()
                    .filter(m -> m.at("/metadata/name").asText().equals(cm))
                    .forEach(m -> m.path("data").fieldNames().forEachRemaining(names::add));
        }
        return names;
    }

    private static Set<String> kafkaClientSettings() {
        Set<String> all = new HashSet<>(ProducerConfig.configNames());
        all.addAll(ConsumerConfig.configNames());
        return all;
    }
}
