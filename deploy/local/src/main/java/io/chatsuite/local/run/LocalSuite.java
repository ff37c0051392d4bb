package io.chatsuite.local.run;

import io.chatsuite.local.infra.EmbeddedKafka;
import io.chatsuite.local.infra.EmbeddedPostgres;
import io.chatsuite.local.infra.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite on one machine: embedded PostgreSQL and Kafka in this JVM, Keycloak and the five services as
 * child processes, and the edge on one port. {@code ./chat up} and the end-to-end tests both start it through
 * this class; {@link #close()} stops everything, services first.
 *
 * <p>Slightly over 400 lines on purpose: it is the launcher's whole public API (start, stop, kill and restart of
 * instances, tokens, URLs) used by {@code ./chat up} and every e2e test; each step behind it is a class of its own.
 *
 * <pre>{@code
 * try (LocalSuite suite = LocalSuite.start(SuiteOptions.builder().dataDir(tmp).ports(SuitePorts.free()).build())) {
 *     String token = suite.accessToken("alice");
 *     ... suite.urls().edge() ...
 * }
 * }</pre>
 */
public final class LocalSuite implements AutoCloseable {

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
    private final ServiceSupervisor services;
    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private KeycloakServer keycloak;
    private Edge edge;
    private boolean started;
    private boolean closed;
    private String sessionSecret;
    private volatile String keycloakAdminPassword;
    private volatile ServiceEnvironment environment;
    private volatile String demoCampaignId;
    private volatile SuiteUrls urls;

    private LocalSuite(SuiteOptions options) {
        this.options = options;
        this.progress = new Progress(options.progress());
        this.dataDir = options.dataDir();
        this.logDir = dataDir.resolve("logs");
        this.services = new ServiceSupervisor(options, logDir, progress, cancel, executor, this::recordPids);
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
        new LeftoverProcesses(
                        dir,
                        options.repoRoot(),
                        options.keycloakHome(
                                KeycloakServer.Distribution.fromBuild().version()),
                        suite.progress)
                .stop();
        DataDirectory.prepare(dir, options.fresh());
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
        Preflight.check(options);
        recordPids();
        sessionSecret = Secrets.readOrCreate(dataDir.resolve("session.secret"), 32);

        InfraStartup infra = new InfraStartup(options, progress, cancel, this::display);
        Future<?> kc = options.keycloak()
                ? executor.submit(() ->
                        keycloakAdminPassword = infra.keycloak(edgeUrl(), k -> register(() -> keycloak = k, k::stop)))
                : CompletableFuture.completedFuture(null);
        Future<?> pg = executor.submit(() -> infra.postgres(p -> register(() -> postgres = p, p::close)));
        Future<?> kf = executor.submit(() -> infra.kafka(k -> register(() -> kafka = k, k::close)));
        Cancellation.await(pg);
        Cancellation.await(kf);
        environment = new ServiceEnvironment(
                postgres, kafka.bootstrapServers(), options.oidcUrl(), sessionSecret, edgeUrl(), options.env());
        services.start(options.services(), environment);
        Map<String, Integer> backends = new LinkedHashMap<>();
        options.services().forEach(s -> backends.put(s.name(), ports.service(s.name())));
        Edge e = Edge.start("127.0.0.1", ports.edge(), EdgeRoutes.TABLE, backends);
        register(() -> edge = e, e::close);
        progress.step("Edge ready on " + edgeUrl() + " (" + EdgeRoutes.TABLE.size() + " routes)");
        Cancellation.await(kc);

        boolean demo = options.demoCampaign()
                && options.keycloak()
                && options.services().contains(SuiteService.CAMPAIGN);
        if (demo) {
            String token = accessToken("admin");
            demoCampaignId = DemoCampaign.ensure(edgeUrl(), token, Duration.ofSeconds(60), cancel);
            progress.step("Demo campaign \"" + DemoCampaign.NAME + "\" (security group " + DemoCampaign.GROUP + "): "
                    + demoCampaignId);
        }
        urls = SuiteUrls.of(options, demoCampaignId, kafka.bootstrapServers());
        ReadyBanner.print(
                progress,
                urls,
                keycloakAdminPassword,
                display(InfraStartup.adminPasswordFile(options)),
                display(logDir));
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
        return KeycloakServer.passwordGrant(
                "http://localhost:" + options.ports().keycloak() + "/realms/" + KeycloakServer.REALM, user, password);
    }

    /** The password of Keycloak's bootstrap admin ({@code admin}, master realm), or null without Keycloak. */
    public String keycloakAdminPassword() {
        return keycloakAdminPassword;
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
        return services.isRunning(service);
    }

    /**
     * Services that exited on their own since the last call, each with the tail of its log; they are forgotten
     * (startService can start them again).
     */
    public List<String> exitedServices() {
        synchronized (lock) {
            if (closed) {
                return new ArrayList<>();
            }
        }
        return services.exited();
    }

    /** Stops one service (SIGTERM, then SIGKILL after {@code grace}); for fault tests. */
    public void stopService(String service, Duration grace) {
        services.stop(service, grace);
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
        services.start(List.of(s), environment);
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
        if (instance.equals(service)
                || SuiteService.ALL.stream().anyMatch(other -> other.name().equals(instance))) {
            throw new IllegalArgumentException("Name the instance differently from every service: " + instance);
        }
        if (isRunning(instance)) {
            throw new IllegalStateException(instance + " is already running");
        }
        int port = Ports.free();
        services.startInstance(s, instance, port, config, environment);
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
            services.takeAll().forEach(p -> stopProcesses.add(() -> p.stop(Duration.ofSeconds(10))));
            if (keycloak != null) {
                stopProcesses.add(keycloak::stop);
            }
            if (kafka != null) {
                stopInfra.add(kafka::close);
            }
            if (postgres != null) {
                stopInfra.add(postgres::close);
            }
        }
        if (!started || (stopEdge.isEmpty() && stopProcesses.isEmpty() && stopInfra.isEmpty())) {
            return;
        }
        Progress stopping = new Progress(options.progress());
        stopping.plain("Stopping the chat suite...");
        stopEdge.forEach(LocalSuite::quietly);
        runAll(stopProcesses);
        runAll(stopInfra);
        RunPids.delete(dataDir);
        stopping.step("Stopped.");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /**
     * Publishes a started component, or stops it at once when the suite was closed meanwhile (a Ctrl-C during
     * startup), so nothing outlives the launcher.
     */
    private void register(Runnable publish, Runnable stop) {
        synchronized (lock) {
            if (!cancel.isCancelled()) {
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

    /** Writes the PIDs of this run into the data directory (see {@link RunPids}). */
    private void recordPids() {
        synchronized (lock) {
            List<RunPids.Entry> pids = new ArrayList<>();
            if (keycloak != null) {
                pids.add(new RunPids.Entry(RunPids.KEYCLOAK, keycloak.pid()));
            }
            pids.addAll(services.pids());
            RunPids.write(dataDir, pids);
        }
    }

    private String display(Path p) {
        Path root = options.repoRoot();
        return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }

    private static void runAll(List<Runnable> tasks) {
        List<Thread> threads = tasks.stream()
                .map(t -> Thread.ofPlatform().name("local-suite-stop").start(() -> quietly(t)))
                .toList();
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

    /** The suite was closed (Ctrl-C) while it was starting. */
    public static final class CancelledException extends StartupException {
        CancelledException() {
            super("The local run was stopped while starting");
        }
    }
}
