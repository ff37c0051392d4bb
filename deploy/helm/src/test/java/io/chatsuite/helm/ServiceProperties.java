package io.chatsuite.helm;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service's application.properties as production sees it (profile-specific keys such as {@code %test.} left
 * out): its keys and the environment variables it references with {@code ${NAME}} or {@code ${NAME:default}}.
 */
record ServiceProperties(String service, Map<String, String> values, Map<String, String> references) {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static ServiceProperties of(String service) {
        Path file = HelmTools.REPO.resolve(service).resolve("src/main/resources/application.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        Map<String, String> refs = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = p.getProperty(key);
            values.put(key, value);
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                // null default: the variable has no fallback at all.
                refs.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return new ServiceProperties(service, values, refs);
    }

    /**
     * The variables production must set: those without a default, those whose default points at the developer's
     * machine, and credentials (a default password is a local-run convenience, never a production value) unless
     * their default is empty: the credential of an optional feature (the TURN secret of calls without TURN).
     */
    Set<String> requiredInProduction() {
        return references.entrySet().stream()
                .filter(e -> e.getValue() == null
                        || e.getValue().contains("localhost")
                        || e.getValue().contains("127.0.0.1")
                        || (e.getKey().matches(".*(PASSWORD|SECRET|USER).*")
                                && !e.getValue().isEmpty()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Quarkus maps an environment variable to a property by upper-casing it and turning non-alphanumerics into _. */
    boolean hasPropertyFor(String env) {
        return values.keySet().stream().anyMatch(k -> asEnv(k).equals(env));
    }

    static String asEnv(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** The topics the service's channels name ({@code ...topic} and {@code ...topics} keys). */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        values.forEach((k, v) -> {
            if (k.endsWith(".topic") || k.endsWith(".topics")) {
                for (String t : v.split(",")) {
                    topics.add(t.strip());
                }
            }
        });
        return topics;
    }

    int httpPort() {
        return Integer.parseInt(values.get("quarkus.http.port"));
    }

    Duration shutdownTimeout() {
        String t = values.getOrDefault("quarkus.shutdown.timeout", "0s").strip();
        return Duration.parse("PT" + t.toUpperCase());
    }
}
