package io.chatsuite.local.run;

import io.chatsuite.local.infra.EmbeddedKafka;
import io.chatsuite.local.infra.EmbeddedPostgres;
import io.chatsuite.local.infra.Ports;
import io.chatsuite.local.infra.SuiteTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The whole suite on one machine: embedded PostgreSQL and Kafka in this JVM, Keycloak and the five services as
 * child processes, and the edge on one port. {@code ./chat up} and the end-to-end tests both start it through
 * this class; {@link #close()} stops everything, services first.
 *
 * <pre>{@code
 * try (LocalSuite suite = LocalSuite.start(SuiteOptions.builder().dataDir(tmp).ports(SuitePorts.free()).build())) {
 *     String token = suite.accessToken("alice");
 *     ... suite.urls().edge() ...
 * }
 * }</pre>
 */
public final class LocalSuite implements AutoCloseable {

    /** The data directory's marker; {@code fresh} deletes only directories that hold it (or are empty). */
    static final String MARKER = ".chat-suite-data";

    private final SuiteOptions options;
    private final Progress progress;
    private final Path dataDir;
    private final Path logDir;
    private final Cancellation cancel = new Cancellation();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-suite");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    /** Extra instances started by {@link #startInstance}, by instance name. */
    private final Map<String, SuiteService> instances = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private KeycloakServer keycloak;
    private Edge edge;
    private boolean started;
    private boolean closed;
    private String sessionSecret;
    private String keycloakAdminPassword;
    private volatile String demoCampaignId;
    private volatile SuiteUrls urls;

    private LocalSuite(SuiteOptions options) {
        this.options = options;
        this.progress = new Progress(options.progress());
        this.dataDir = options.dataDir();
        this.logDir = dataDir.resolve("logs");
    }

    /** Starts the suite and returns once every part is ready; on failure everything started is stopped again. */
    public static LocalSuite start(SuiteOptions options) {
        LocalSuite suite = prepare(options);
        suite.start();
        return suite;
    }

    /**
     * Prepares the data directory (deleting it first with {@code fresh}) without starting anything, so a caller
     * can set up logging into {@link #logDir()} before {@link #start()}.
     */
    public static LocalSuite prepare(SuiteOptions options) {
        Path dir = options.dataDir();
        if (options.repoRoot().startsWith(dir)) {
            throw new IllegalArgumentException("The data directory " + dir + " must not contain the repository");
        }
        LocalSuite suite = new LocalSuite(options);
        // Before anything is deleted: refuse if another launcher uses this directory, stop what a killed one left.
        suite.stopLeftovers();
        try {
            if (options.fresh() && Files.exists(dir)) {
                boolean ours = Files.exists(dir.resolve(MARKER));
                try (Stream<Path> s = Files.list(dir)) {
                    if (!ours && s.findAny().isPresent()) {
                        throw new IllegalArgumentException("Refusing to delete " + dir
                                + ": it is not empty and not a chat suite data directory (no " + MARKER + ")");
                    }
                }
                deleteRecursively(dir);
            }
            Files.createDirectories(dir.resolve("logs"));
            if (!Files.exists(dir.resolve(MARKER))) {
                Files.writeString(dir.resolve(MARKER), "Data of the chat suite's local run (./chat up). "
                        + "Safe to delete: ./chat up --fresh does.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
        return suite;
    }

    /** Starts every part in order, in parallel where possible; see the class comment. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                throw new IllegalStateException("A LocalSuite starts once");
            }
            started = true;
        }
        try {
            doStart();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void doStart() {
        SuitePorts ports = options.ports();
        progress.step("Starting the chat suite (data in " + display(dataDir) + ", logs in " + display(logDir) + ")");
        preflight();
        recordPids();
        sessionSecret = Secrets.readOrCreate(dataDir.resolve("session.secret"), 32);

        Future<?> kc = options.keycloak() ? executor.submit(this::startKeycloak) : CompletableFuture.completedFuture(null);
        Future<?> pg = executor.submit(this::startPostgres);
        Future<?> kf = executor.submit(this::startKafka);
        await(pg);
        await(kf);
        startServices(options.services());
        Map<String, Integer> backends = new LinkedHashMap<>();
        options.services().forEach(s -> backends.put(s.name(), ports.service(s.name())));
        Edge e = Edge.start("127.0.0.1", ports.edge(), EdgeRoutes.TABLE, backends);
        register(() -> edge = e, e::close);
        progress.step("Edge ready on " + edgeUrl() + " (" + EdgeRoutes.TABLE.size() + " routes)");
        await(kc);

        boolean demo = options.demoCampaign() && options.keycloak() && options.services().contains(SuiteService.CAMPAIGN);
        if (demo) {
            String token = accessToken("admin");
            demoCampaignId = DemoCampaign.ensure(edgeUrl(), token, Duration.ofSeconds(60), cancel);
            progress.step("Demo campaign \"" + DemoCampaign.NAME + "\" (security group " + DemoCampaign.GROUP + "): "
                    + demoCampaignId);
        }
        urls = buildUrls();
        printSummary();
    }

    // ---- steps ----------------------------------------------------------------------------------------

    private void preflight() {
        SuitePorts ports = options.ports();
        Map<String, Integer> needed = new LinkedHashMap<>();
        needed.put("edge", ports.edge());
        needed.put("PostgreSQL", ports.postgres());
        needed.put("Kafka", ports.kafka());
        if (options.keycloak()) {
            needed.put("Keycloak", ports.keycloak());
        }
        options.services().forEach(s -> needed.put(s.name(), ports.service(s.name())));
        PortCheck.requireFree(needed);

        List<String> missing = options.services().stream().map(s -> s.runJar(options.repoRoot()))
                .filter(p -> !Files.isRegularFile(p)).map(Path::toString).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new StartupException("Not built yet: " + String.join(", ", missing)
                    + "\nBuild with: ./mvnw -B -DskipTests install (or ./chat up --build), or start fewer services "
                    + "with --services.");
        }
        if (options.keycloak()) {
            KeycloakServer.javaHome();
            KeycloakServer.Distribution dist = KeycloakServer.Distribution.fromBuild();
            if (!Files.exists(options.keycloakHome(dist.version()).resolve("bin").resolve("kc.sh"))
                    && !Files.isRegularFile(dist.zip())) {
                throw new StartupException("The Keycloak " + dist.version() + " distribution is not in the Maven "
                        + "repository: " + dist.zip() + "\nBuild once with: ./mvnw -B -DskipTests -pl deploy/local "
                        + "install (it downloads org.keycloak:keycloak-quarkus-dist:" + dist.version() + ":zip), or "
                        + "start without Keycloak (--no-keycloak).");
            }
        }
    }

    private void startKeycloak() {
        KeycloakServer.Distribution dist = KeycloakServer.Distribution.fromBuild();
        Path home = options.keycloakHome(dist.version());
        if (!Files.exists(home.resolve("bin").resolve("kc.sh"))) {
            progress.step("Unpacking Keycloak " + dist.version() + " into " + display(home) + " (first run only)");
        }
        KeycloakServer.install(dist, home);
        cancel.check();
        KeycloakServer.writeRealm(home, edgeUrl());
        // Beside the installation: Keycloak creates its bootstrap admin once, in the installation's database.
        keycloakAdminPassword = Secrets.readOrCreate(home.resolveSibling("keycloak-admin.password"), 18);
        KeycloakServer server = KeycloakServer.start(home, options.ports().keycloak(), keycloakAdminPassword,
                logDir.resolve("keycloak.log"));
        register(() -> keycloak = server, server::stop);
        progress.step("Keycloak " + dist.version() + " starting (pid " + server.pid() + ", log "
                + display(logDir.resolve("keycloak.log")) + ")");
        server.awaitReady(options.keycloakStartTimeout(), cancel);
        progress.step("Keycloak " + dist.version() + " ready on http://localhost:" + options.ports().keycloak()
                + " (realm " + KeycloakServer.REALM + ")");
    }

    private void startPostgres() {
        EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir.resolve("postgres"), options.ports().postgres());
        register(() -> postgres = pg, pg::close);
        List<String> databases = SuiteService.ALL.stream().map(SuiteService::database).toList();
        databases.forEach(pg::ensureDatabase);
        progress.step("PostgreSQL " + serverVersion(pg) + " ready on 127.0.0.1:" + pg.port() + " (databases "
                + String.join(", ", databases) + ")");
    }

    private void startKafka() {
        EmbeddedKafka k = EmbeddedKafka.start(dataDir.resolve("kafka"), options.ports().kafka());
        register(() -> kafka = k, k::close);
        SuiteTopics.ensure(k.bootstrapServers(), 3);
        progress.step("Kafka " + AppInfoParser.getVersion() + " ready on " + k.bootstrapServers() + " (suite topics)");
    }

    private void startServices(List<SuiteService> list) {
        List<Future<?>> ready = new ArrayList<>();
        for (SuiteService s : list) {
            int port = options.ports().service(s.name());
            ChildProcess p = spawn(s, s.name(), port, List.of());
            ready.add(executor.submit(() -> awaitService(s.name(), port, p)));
        }
        for (Future<?> f : ready) {
            await(f);
        }
    }

    /** Starts the service's jar as the process {@code name} (the service itself, or another instance of it). */
    private ChildProcess spawn(SuiteService s, String name, int port, List<String> extraJvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options.serviceJvmOptions());
        cmd.addAll(extraJvmOptions);
        cmd.add("-jar");
        cmd.add(s.runJar(options.repoRoot()).toString());
        ChildProcess p = ChildProcess.start(name, cmd, serviceEnv(s, port), options.repoRoot(),
                logDir.resolve(name + ".log"));
        register(() -> {
            services.put(name, p);
            if (!name.equals(s.name())) {
                instances.put(name, s);
            }
        }, () -> p.stop(Duration.ofSeconds(10)));
        return p;
    }

    /** The environment every service reads (see each service's application.properties). */
    Map<String, String> serviceEnv(SuiteService s, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_JDBC_URL", postgres.jdbcUrl(s.database()));
        env.put("DB_REACTIVE_URL", postgres.reactiveUrl(s.database()));
        env.put("DB_USER", EmbeddedPostgres.USER);
        env.put("DB_PASSWORD", EmbeddedPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("OIDC_URL", options.oidcUrl());
        // The console logs in from the browser, which reaches Keycloak at the same URL on this machine.
        env.put("CHAT_CONSOLE_OIDC_URL", options.oidcUrl());
        env.put("CHAT_SESSION_SECRET", sessionSecret);
        env.put("CHAT_PUBLIC_URL", edgeUrl());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // Only the edge is meant to be reached from a browser; the services listen on loopback.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.putAll(options.env());
        return env;
    }

    private void awaitService(String name, int port, ChildProcess p) {
        String url = "http://127.0.0.1:" + port + "/q/health/ready";
        long deadline = System.nanoTime() + options.serviceStartTimeout().toNanos();
        while (true) {
            cancel.check();
            if (Http.status(url) == 200) {
                progress.step(name + " ready on http://127.0.0.1:" + port + " (pid " + p.pid() + ")");
                return;
            }
            if (!p.isAlive()) {
                throw new StartupException(name + " exited with code " + p.exitValue() + " while starting. Last "
                        + "lines of " + p.log() + ":\n" + p.tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException(name + " was not ready (" + url + ") within "
                        + options.serviceStartTimeout().toSeconds() + " s. Last lines of " + p.log() + ":\n" + p.tail(40));
            }
            sleep(250);
        }
    }

    private void printSummary() {
        SuiteUrls u = urls;
        progress.plain("");
        progress.plain("  Demo website with the widget  " + u.demo());
        progress.plain("  Agent console                 " + u.console());
        progress.plain("  Campaign administration       " + u.console() + "admin.html");
        progress.plain("  Supervisor dashboard          " + u.console() + "dashboard.html");
        if (u.keycloakAdmin() != null) {
            progress.plain("  Keycloak admin console        " + u.keycloakAdmin() + "   (admin / " + keycloakAdminPassword
                    + ", kept in " + display(keycloakAdminPasswordFile()) + ")");
            progress.plain("  DEMO users (password = user name, local demo only):");
            progress.plain("      admin (admin; sales, support)   supervisor (supervisor; sales)");
            progress.plain("      alice, bob (agents; sales)      carol (agent; support)   dora (admin; support)");
        }
        progress.plain("  Logs                          " + display(logDir));
        progress.plain("");
        progress.step("Chat suite ready in " + String.format(Locale.ROOT, "%.1f", progress.elapsedSeconds())
                + " s. Press Ctrl-C to stop.");
    }

    private SuiteUrls buildUrls() {
        String edgeUrl = edgeUrl();
        Map<String, String> serviceUrls = new LinkedHashMap<>();
        options.services().forEach(s -> serviceUrls.put(s.name(), "http://127.0.0.1:" + options.ports().service(s.name())));
        String kc = options.keycloak() ? "http://localhost:" + options.ports().keycloak() : null;
        return new SuiteUrls(edgeUrl,
                edgeUrl + "/demo/" + (demoCampaignId != null ? "?campaignId=" + demoCampaignId : ""),
                edgeUrl + "/console/",
                kc,
                kc != null ? kc + "/admin/" : null,
                options.oidcUrl(),
                kafka.bootstrapServers(),
                Map.copyOf(serviceUrls));
    }

    // ---- the API for tests ------------------------------------------------------------------------------

    /** Where the suite answers; available once {@link #start()} returned. */
    public SuiteUrls urls() {
        if (urls == null) {
            throw new IllegalStateException("The suite is not started");
        }
        return urls;
    }

    /** The demo campaign's id, or empty when it was not created (no Keycloak or no campaign-service). */
    public Optional<String> demoCampaignId() {
        return Optional.ofNullable(demoCampaignId);
    }

    /** An access token of a demo user whose password is its user name (admin, supervisor, alice, bob, carol, dora). */
    public String accessToken(String user) {
        return accessToken(user, user);
    }

    /** An access token from the local Keycloak (password grant of the chat-console client, a demo-only setting). */
    public String accessToken(String user, String password) {
        if (!options.keycloak()) {
            throw new IllegalStateException("This suite runs without Keycloak");
        }
        return KeycloakServer.passwordGrant("http://localhost:" + options.ports().keycloak() + "/realms/"
                + KeycloakServer.REALM, user, password);
    }

    /** The password of Keycloak's bootstrap admin ({@code admin}, master realm), or null without Keycloak. */
    public String keycloakAdminPassword() {
        return keycloakAdminPassword;
    }

    private Path keycloakAdminPasswordFile() {
        return options.keycloakHome(KeycloakServer.Distribution.fromBuild().version())
                .resolveSibling("keycloak-admin.password");
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The JDBC URL of one service's database (campaigns, routing, gateway, signaling, recordings). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String sessionSecret() {
        return sessionSecret;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return logDir;
    }

    /** The log file of a service or of {@code keycloak}. */
    public Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    public boolean isRunning(String service) {
        synchronized (lock) {
            ChildProcess p = services.get(service);
            return p != null && p.isAlive();
        }
    }

    /**
     * Services that exited on their own since the last call, each with the tail of its log; they are forgotten
     * (startService can start them again).
     */
    public List<String> exitedServices() {
        List<String> exits = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return exits;
            }
            services.entrySet().removeIf(e -> {
                if (e.getValue().isAlive()) {
                    return false;
                }
                exits.add(e.getKey() + " exited with code " + e.getValue().exitValue() + ". Last lines of "
                        + e.getValue().log() + ":\n" + e.getValue().tail(20));
                return true;
            });
        }
        return exits;
    }

    /** Stops one service (SIGTERM, then SIGKILL after {@code grace}); for fault tests. */
    public void stopService(String service, Duration grace) {
        ChildProcess p;
        synchronized (lock) {
            p = services.remove(service);
        }
        if (p == null) {
            throw new IllegalArgumentException(service + " is not running");
        }
        p.stop(grace);
        recordPids();
        progress.step("Stopped " + service);
    }

    /** Kills one service at once (SIGKILL), as a crash would; for fault tests. */
    public void killService(String service) {
        stopService(service, Duration.ZERO);
    }

    /** Starts a service of this suite again (after stopService or killService) and waits until it is ready. */
    public void startService(String service) {
        SuiteService s = SuiteService.named(service);
        if (!options.services().contains(s)) {
            throw new IllegalArgumentException(service + " is not part of this suite: " + options.services());
        }
        if (isRunning(service)) {
            throw new IllegalStateException(service + " is already running");
        }
        startServices(List.of(s));
        recordPids();
    }

    /**
     * Starts another instance of a service of this suite under its own name (e.g. {@code routing-service-2}) and
     * waits until it is ready: the same jar, database, broker and settings, a free HTTP port (not behind the
     * edge), its own log ({@link #log(String)}). {@code config} holds configuration properties of this instance
     * only (e.g. a shorter Kafka session timeout for a fault test), passed as system properties: unlike
     * environment variables they name a channel such as {@code routing-requests} unambiguously. stopService,
     * killService and close() handle it like the service itself; for scale-out tests.
     *
     * @return the instance's base URL, {@code http://127.0.0.1:<port>}
     */
    public String startInstance(String service, String instance, Map<String, String> config) {
        SuiteService s = SuiteService.named(service);
        if (!options.services().contains(s)) {
            throw new IllegalArgumentException(service + " is not part of this suite: " + options.services());
        }
        if (instance.equals(service) || SuiteService.ALL.stream().anyMatch(other -> other.name().equals(instance))) {
            throw new IllegalArgumentException("Name the instance differently from every service: " + instance);
        }
        if (isRunning(instance)) {
            throw new IllegalStateException(instance + " is already running");
        }
        int port = Ports.free();
        List<String> properties = config.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
        ChildProcess p = spawn(s, instance, port, properties);
        try {
            awaitService(instance, port, p);
        } catch (RuntimeException e) {
            stopService(instance, Duration.ofSeconds(5));
            throw e;
        }
        return "http://127.0.0.1:" + port;
    }

    /** Stops everything this suite started: edge, then services and Keycloak, then Kafka and PostgreSQL. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                awaitStopped();
                return;
            }
            closed = true;
            cancel.cancel();
        }
        try {
            stopAll();
        } finally {
            stopped.countDown();
        }
    }

    // A second close (a second Ctrl-C, the shutdown hook) waits for the first so nothing is left running.
    private void awaitStopped() {
        try {
            stopped.await(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAll() {
        List<Runnable> stopEdge;
        List<Runnable> stopProcesses = new ArrayList<>();
        List<Runnable> stopInfra = new ArrayList<>();
        // Startup tasks notice the cancellation within a poll interval; let them finish registering.
        executor.shutdown();
        try {
            executor.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            stopEdge = edge == null ? List.of() : List.<Runnable>of(edge::close);
            services.values().forEach(p -> stopProcesses.add(() -> p.stop(Duration.ofSeconds(10))));
            if (keycloak != null) {
                stopProcesses.add(keycloak::stop);
            }
            if (kafka != null) {
                stopInfra.add(kafka::close);
            }
            if (postgres != null) {
                stopInfra.add(postgres::close);
            }
            services.clear();
        }
        if (!started || (stopEdge.isEmpty() && stopProcesses.isEmpty() && stopInfra.isEmpty())) {
            return;
        }
        Progress stopping = new Progress(options.progress());
        stopping.plain("Stopping the chat suite...");
        stopEdge.forEach(LocalSuite::quietly);
        runAll(stopProcesses);
        runAll(stopInfra);
        try {
            Files.deleteIfExists(dataDir.resolve("run.pids"));
        } catch (IOException ignored) {
            // A stale pid file is checked against live processes on the next start.
        }
        stopping.step("Stopped.");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /**
     * Publishes a started component, or stops it at once when the suite was closed meanwhile (a Ctrl-C during
     * startup), so nothing outlives the launcher.
     */
    private void register(Runnable publish, Runnable stop) {
        synchronized (lock) {
            if (!cancel.cancelled) {
                publish.run();
                recordPids();
                return;
            }
        }
        quietly(stop);
        throw new CancelledException();
    }

    private String edgeUrl() {
        return "http://localhost:" + options.ports().edge();
    }

    /**
     * Writes the PIDs of this run into the data directory, so the next run can stop what a killed launcher
     * left behind.
     */
    private void recordPids() {
        synchronized (lock) {
            StringBuilder sb = new StringBuilder("launcher " + ProcessHandle.current().pid() + "\n");
            if (keycloak != null) {
                sb.append("keycloak ").append(keycloak.pid()).append('\n');
            }
            // An extra instance is recorded under its service's name: the next run recognises it by that jar.
            services.forEach((name, p) -> sb.append(instances.containsKey(name) ? instances.get(name).name() : name)
                    .append(' ').append(p.pid()).append('\n'));
            try {
                Files.writeString(dataDir.resolve("run.pids"), sb.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Stops processes a previous run left behind when its launcher was killed (Keycloak, services, PostgreSQL),
     * after checking each PID still belongs to such a process. Refuses when that launcher is still alive.
     */
    private void stopLeftovers() {
        Path pids = dataDir.resolve("run.pids");
        String keycloakHome = options.keycloakHome(KeycloakServer.Distribution.fromBuild().version()).toString();
        List<ProcessHandle> leftovers = new ArrayList<>();
        if (Files.exists(pids)) {
            try {
                for (String line : Files.readAllLines(pids)) {
                    String[] parts = line.trim().split(" ");
                    if (parts.length != 2) {
                        continue;
                    }
                    Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(parts[1])).filter(ProcessHandle::isAlive);
                    if (h.isEmpty() || h.get().pid() == ProcessHandle.current().pid()) {
                        continue;
                    }
                    String cmd = commandLine(h.get());
                    if (parts[0].equals("launcher")) {
                        if (cmd.contains("io.chatsuite.local.run") || cmd.contains("surefire") || cmd.contains("junit")) {
                            throw new StartupException("Another local run (pid " + parts[1] + ") is using " + dataDir
                                    + ". Stop it first (Ctrl-C in its terminal, or kill " + parts[1] + ").");
                        }
                    } else if (parts[0].equals("keycloak") ? cmd.contains(keycloakHome)
                            : cmd.contains(SuiteService.named(parts[0]).runJar(options.repoRoot()).toString())) {
                        leftovers.add(h.get());
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable pid file only loses this convenience; port checks still catch conflicts.
            }
        }
        // Their broker died with the old launcher, so they would linger in a graceful stop: stop them together,
        // with a short grace period, then the database they were connected to.
        stopLeftoverProcesses(leftovers, Duration.ofSeconds(5));
        Path postmasterPid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            try {
                String first = Files.readAllLines(postmasterPid).get(0).trim();
                ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                        .filter(h -> commandLine(h).contains(dataDir.resolve("postgres").toString()))
                        .ifPresent(h -> stopLeftoverProcesses(List.of(h), Duration.ofSeconds(15)));
            } catch (IOException | RuntimeException e) {
                // PostgreSQL itself reports a stale or foreign postmaster.pid on start.
            }
        }
    }

    private void stopLeftoverProcesses(List<ProcessHandle> processes, Duration grace) {
        if (processes.isEmpty()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle h : processes) {
            progress.step("Stopping a leftover of a previous run: pid " + h.pid() + " (" + abbreviate(commandLine(h)) + ")");
            all.add(h);
            all.addAll(h.descendants().toList());
            h.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : processes) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Killed below.
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Nothing more to do; the port check will tell.
            }
        }
    }

    private static String commandLine(ProcessHandle h) {
        return h.info().commandLine().or(() -> h.info().command()).orElse("");
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }

    private String display(Path p) {
        Path root = options.repoRoot();
        return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }

    private static String serverVersion(EmbeddedPostgres pg) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            return "";
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new StartupException(cause.toString(), cause);
        }
    }

    private static void runAll(List<Runnable> tasks) {
        List<Thread> threads = tasks.stream().map(t -> Thread.ofPlatform().name("local-suite-stop")
                .start(() -> quietly(t))).toList();
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("While stopping: " + e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Lets the startup steps stop early once the suite is being closed. */
    static final class Cancellation {
        private volatile boolean cancelled;

        void cancel() {
            cancelled = true;
        }

        void check() {
            if (cancelled) {
                throw new CancelledException();
            }
        }
    }

    /** The suite was closed (Ctrl-C) while it was starting. */
    public static final class CancelledException extends StartupException {
        CancelledException() {
            super("The local run was stopped while starting");
        }
    }
}
