package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alerts query the suite's own metrics by the names the services register them with, so a
 * renamed meter cannot leave an empty panel or an alert that never fires.
 */
class MonitoringMetricsTest {

    private static final Pattern PROMETHEUS_NAME = Pattern.compile("\\bchat_[a-z_]+\\b");
    private static final Pattern SUFFIX = Pattern.compile("_(count|sum|max|total|seconds|percent)$");

    @Test
    void dashboardAndAlertsUseMetersTheServicesRegister() throws IOException {
        String queries = Files.readString(HelmTools.CHARTS.resolve("chat-suite/files/grafana-dashboard.json"))
                + Files.readString(HelmTools.CHARTS.resolve("chat-suite/templates/prometheusrule.yaml"));
        Set<String> meters = new TreeSet<>();
        Matcher m = PROMETHEUS_NAME.matcher(queries);
        while (m.find()) {
            meters.add(meterName(m.group()));
        }
        assertTrue(meters.size() >= 6, meters.toString());
        String sources = serviceSources();
        Set<String> unknown = new TreeSet<>();
        for (String meter : meters) {
            if (!sources.contains('"' + meter + '"')) {
                unknown.add(meter);
            }
        }
        assertTrue(unknown.isEmpty(), "no service registers " + unknown);
    }

    /** Prometheus name to Micrometer name: the registry appends unit and statistic suffixes and uses underscores. */
    static String meterName(String prometheus) {
        String name = prometheus;
        for (String before = ""; !before.equals(name); ) {
            before = name;
            name = SUFFIX.matcher(name).replaceFirst("");
        }
        return name.replace('_', '.');
    }

    private static String serviceSources() {
        StringBuilder all = new StringBuilder();
        // Meters registered in service-commons count for every service.
        for (String service : Stream.concat(Charts.SERVICES.stream(), Stream.of("service-commons"))
                .toList()) {
            try (Stream<Path> files = Files.walk(HelmTools.REPO.resolve(service).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }
}
