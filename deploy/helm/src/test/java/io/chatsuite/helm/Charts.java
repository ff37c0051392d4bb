package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The charts in a scratch copy (target/charts) with their file:// dependencies resolved, rendered with the
 * example values files the checks use.
 */
final class Charts {

    static final List<String> SERVICES = List.of(
            "campaign-service", "routing-service", "chat-gateway", "signaling-service", "offline-message-service");
    static final String UMBRELLA = "chat-suite";
    static final String RELEASE = "chat";
    static final String MONITORING_API = "monitoring.coreos.com/v1";

    /** A values file of the umbrella chart and the API versions the cluster is said to have. */
    enum Example {
        MINIMAL("minimal.yaml"),
        PRODUCTION("production.yaml", MONITORING_API),
        OPERATORS(
                "operators.yaml",
                MONITORING_API,
                "gateway.networking.k8s.io/v1",
                "kafka.strimzi.io/v1beta2",
                "postgresql.cnpg.io/v1");

        final String file;
        final List<String> apiVersions;

        Example(String file, String... apiVersions) {
            this.file = file;
            this.apiVersions = List.of(apiVersions);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path WORK =
            Path.of(System.getProperty("work.dir", "target/charts")).toAbsolutePath();
    private static boolean prepared;

    private Charts() {}

    static synchronized Path workspace() {
        if (!prepared) {
            HelmTools.require();
            copyCharts();
            for (String chart :
                    Stream.concat(SERVICES.stream(), Stream.of(UMBRELLA)).toList()) {
                HelmTools.Result r = HelmTools.helm(WORK, "dependency", "update", chart);
                assertTrue(r.ok(), () -> "helm dependency update " + chart + ":\n" + r.output());
            }
            prepared = true;
        }
        return WORK;
    }

    static Path example(Example e) {
        return HelmTools.CHARTS.resolve(UMBRELLA).resolve("examples").resolve(e.file);
    }

    /** helm template of the umbrella chart with the example's values; fails the test when helm refuses. */
    static Path render(Example e) {
        Path out = workspace().resolve("rendered-" + e.name().toLowerCase() + ".yaml");
        if (!Files.exists(out)) {
            List<String> args = new ArrayList<>(List.of(
                    "template",
                    RELEASE,
                    UMBRELLA,
                    "--namespace",
                    "chat",
                    "-f",
                    example(e).toString()));
            e.apiVersions.forEach(v -> args.addAll(List.of("--api-versions", v)));
            HelmTools.Result r = HelmTools.helm(workspace(), args.toArray(String[]::new));
            assertTrue(r.ok(), () -> "helm template with " + e.file + ":\n" + r.output());
            try {
                Files.writeString(out, r.output());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return out;
    }

    static List<JsonNode> manifests(Example e) {
        try (MappingIterator<JsonNode> docs =
                YAML.readerFor(JsonNode.class).readValues(render(e).toFile())) {
            List<JsonNode> all = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    all.add(doc);
                }
            }
            return all;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return manifests.stream()
                .filter(m -> kind.equals(m.path("kind").asText()))
                .toList();
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void copyCharts() {
        try {
            if (Files.exists(WORK)) {
                try (Stream<Path> old = Files.walk(WORK)) {
                    old.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            for (String chart : Stream.concat(Stream.of("chat-common", UMBRELLA), SERVICES.stream())
                    .toList()) {
                Path from = HelmTools.CHARTS.resolve(chart);
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path f : files.toList()) {
                        Path rel = from.relativize(f);
                        if (rel.startsWith("charts") || rel.toString().equals("Chart.lock")) {
                            continue;
                        }
                        Path to = WORK.resolve(chart).resolve(rel.toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
