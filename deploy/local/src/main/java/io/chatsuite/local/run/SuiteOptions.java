package io.chatsuite.local.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link LocalSuite} starts and where: repository, data directory, ports, which services, with or
 * without Keycloak. Defaults are those of {@code ./chat up}; tests typically change the data directory, the
 * ports and the progress sink.
 */
public final class SuiteOptions {

    private final Path repoRoot;
    private final Path dataDir;
    private final boolean fresh;
    private final boolean keycloak;
    private final boolean demoCampaign;
    private final List<SuiteService> services;
    private final SuitePorts ports;
    private final Map<String, String> env;
    private final Consumer<String> progress;
    private final Duration serviceStartTimeout;
    private final Duration keycloakStartTimeout;
    private final String oidcUrl;
    private final List<String> serviceJvmOptions;
    private final Path keycloakHome;

    private SuiteOptions(Builder b) {
        this.repoRoot = b.repoRoot != null ? b.repoRoot.toAbsolutePath().normalize() : detectRepoRoot();
        this.dataDir = b.dataDir != null ? b.dataDir.toAbsolutePath().normalize() : repoRoot.resolve(".chat-data");
        this.fresh = b.fresh;
        this.keycloak = b.keycloak;
        this.demoCampaign = b.demoCampaign;
        this.services = List.copyOf(b.services);
        this.ports = b.ports;
        this.env = Map.copyOf(b.env);
        this.progress = b.progress;
        this.serviceStartTimeout = b.serviceStartTimeout;
        this.keycloakStartTimeout = b.keycloakStartTimeout;
        this.oidcUrl = b.oidcUrl;
        this.serviceJvmOptions = List.copyOf(b.serviceJvmOptions);
        this.keycloakHome =
                b.keycloakHome != null ? b.keycloakHome.toAbsolutePath().normalize() : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The options of a plain {@code ./chat up}. */
    public static SuiteOptions defaults() {
        return builder().build();
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean fresh() {
        return fresh;
    }

    public boolean keycloak() {
        return keycloak;
    }

    public boolean demoCampaign() {
        return demoCampaign;
    }

    public List<SuiteService> services() {
        return services;
    }

    public SuitePorts ports() {
        return ports;
    }

    public Map<String, String> env() {
        return env;
    }

    public Consumer<String> progress() {
        return progress;
    }

    public Duration serviceStartTimeout() {
        return serviceStartTimeout;
    }

    public Duration keycloakStartTimeout() {
        return keycloakStartTimeout;
    }

    /** The JVM options of each service process (default {@code -Xmx256m -XX:+UseSerialGC}). */
    public List<String> serviceJvmOptions() {
        return serviceJvmOptions;
    }

    /** Where Keycloak is installed and keeps its realm database: {@code <dataDir>/keycloak-<version>} unless set. */
    public Path keycloakHome(String version) {
        return keycloakHome != null ? keycloakHome : dataDir.resolve("keycloak-" + version);
    }

    /** The issuer URL the services validate tokens against: the local Keycloak's realm unless set. */
    public String oidcUrl() {
        return oidcUrl != null ? oidcUrl : "http://localhost:" + ports.keycloak() + "/realms/" + KeycloakServer.REALM;
    }

    /**
     * The repository root: the nearest directory, from the working directory up, holding
     * {@code deploy/local/pom.xml} (so tests running in {@code e2e/} find it too).
     */
    static Path detectRepoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("deploy").resolve("local").resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("Cannot find the chat suite repository above " + dir
                + " (looked for deploy/local/pom.xml); set it with SuiteOptions.builder().repoRoot(...)");
    }

    /** Builds {@link SuiteOptions}; every setting is optional. */
    public static final class Builder {
        private Path repoRoot;
        private Path dataDir;
        private boolean fresh;
        private boolean keycloak = true;
        private boolean demoCampaign = true;
        private List<SuiteService> services = SuiteService.ALL;
        private SuitePorts ports = SuitePorts.defaults();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Consumer<String> progress = System.out::println;
        private Duration serviceStartTimeout = Duration.ofSeconds(120);
        private Duration keycloakStartTimeout = Duration.ofSeconds(240);
        private String oidcUrl;
        private List<String> serviceJvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC");
        private Path keycloakHome;

        private Builder() {}

        /** The repository whose built services run; default: found from the working directory. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Where PostgreSQL, Kafka, Keycloak, secrets and logs live; default {@code <repo>/.chat-data}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Delete the data directory before starting. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** Start Keycloak (default true). Without it the services still validate tokens against {@link #oidcUrl}. */
        public Builder keycloak(boolean keycloak) {
            this.keycloak = keycloak;
            return this;
        }

        /** Create the "Demo" campaign once the suite is up (default true; needs Keycloak and campaign-service). */
        public Builder demoCampaign(boolean demoCampaign) {
            this.demoCampaign = demoCampaign;
            return this;
        }

        /** Which services to start, by name (default all five). */
        public Builder services(List<String> names) {
            List<SuiteService> list = new ArrayList<>();
            for (String n : names) {
                SuiteService s = SuiteService.named(n.trim());
                if (!list.contains(s)) {
                    list.add(s);
                }
            }
            this.services = list;
            return this;
        }

        /** Ports to use (default {@link SuitePorts#defaults()}; tests may use {@link SuitePorts#free()}). */
        public Builder ports(SuitePorts ports) {
            this.ports = Objects.requireNonNull(ports);
            return this;
        }

        /** An extra environment variable for every service (e.g. a Quarkus property override). */
        public Builder env(String name, String value) {
            this.env.put(name, value);
            return this;
        }

        /** Receives each progress line ("[ 1.2s] PostgreSQL 17.6 ready on ..."); default standard output. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public Builder serviceStartTimeout(Duration timeout) {
            this.serviceStartTimeout = timeout;
            return this;
        }

        public Builder keycloakStartTimeout(Duration timeout) {
            this.keycloakStartTimeout = timeout;
            return this;
        }

        /** The OIDC issuer the services use; default the local Keycloak's chat-suite realm. */
        public Builder oidcUrl(String oidcUrl) {
            this.oidcUrl = oidcUrl;
            return this;
        }

        /** Replaces the services' JVM options (heap, GC, JIT flags). */
        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /**
         * A Keycloak installation to reuse across suites, e.g. one directory for every end-to-end test run: its
         * first start unpacks and builds Keycloak (about 40 s), later ones take about 11 s. Keycloak imports the
         * realm only on the first start, with that run's edge origin in the redirect URIs, so suites sharing it
         * should use the same edge port. Never share one between two suites running at the same time.
         */
        public Builder keycloakHome(Path keycloakHome) {
            this.keycloakHome = keycloakHome;
            return this;
        }

        public SuiteOptions build() {
            return new SuiteOptions(this);
        }
    }
}
