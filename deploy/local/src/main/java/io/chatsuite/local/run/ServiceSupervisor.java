package io.chatsuite.local.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The services' child processes: starts them (or extra instances of one) and waits until they are ready, knows
 * which run and which exited, and stops one or all of them.
 */
final class ServiceSupervisor {

    private final SuiteOptions options;
    private final Path logDir;
    private final Progress progress;
    private final Cancellation cancel;
    private final ExecutorService executor;
    /** Called after a process was started or stopped (outside this object's lock), to record the PIDs. */
    private final Runnable onChange;

    private final Object lock = new Object();
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    /** Extra instances started by {@link #startInstance}, by instance name. */
    private final Map<String, SuiteService> instances = new LinkedHashMap<>();

    private boolean stopped;

    ServiceSupervisor(
            SuiteOptions options,
            Path logDir,
            Progress progress,
            Cancellation cancel,
            ExecutorService executor,
            Runnable onChange) {
        this.options = options;
        this.logDir = logDir;
        this.progress = progress;
        this.cancel = cancel;
        this.executor = executor;
        this.onChange = onChange;
    }

    /** Starts the services in parallel and returns once every one is ready. */
    void start(List<SuiteService> services, ServiceEnvironment env) {
        List<Future<?>> ready = new ArrayList<>();
        for (SuiteService s : services) {
            int port = options.ports().service(s.name());
            ChildProcess p = spawn(s, s.name(), port, List.of(), env);
            ready.add(executor.submit(() -> awaitReady(s.name(), port, p)));
        }
        for (Future<?> f : ready) {
            Cancellation.await(f);
        }
    }

    /**
     * Starts another instance of {@code s} as {@code instance} on a given port with extra configuration (system
     * properties) and waits until it is ready; stops it again when it does not become ready.
     */
    void startInstance(SuiteService s, String instance, int port, Map<String, String> config, ServiceEnvironment env) {
        List<String> properties = config.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
        ChildProcess p = spawn(s, instance, port, properties, env);
        try {
            awaitReady(instance, port, p);
        } catch (RuntimeException e) {
            stop(instance, Duration.ofSeconds(5));
            throw e;
        }
    }

    /** Starts the service's jar as the process {@code name} (the service itself, or another instance of it). */
    private ChildProcess spawn(
            SuiteService s, String name, int port, List<String> extraJvmOptions, ServiceEnvironment env) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options.serviceJvmOptions());
        cmd.addAll(extraJvmOptions);
        cmd.add("-jar");
        cmd.add(s.runJar(options.repoRoot()).toString());
        ChildProcess p =
                ChildProcess.start(name, cmd, env.of(s, port), options.repoRoot(), logDir.resolve(name + ".log"));
        // A process started while the suite is being closed is stopped at once, so nothing outlives the launcher.
        boolean kept;
        synchronized (lock) {
            kept = !cancel.isCancelled() && !stopped;
            if (kept) {
                processes.put(name, p);
                if (!name.equals(s.name())) {
                    instances.put(name, s);
                }
            }
        }
        if (!kept) {
            try {
                p.stop(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                System.err.println("While stopping: " + e);
            }
            throw new LocalSuite.CancelledException();
        }
        onChange.run();
        return p;
    }

    private void awaitReady(String name, int port, ChildProcess p) {
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
                        + options.serviceStartTimeout().toSeconds() + " s. Last lines of " + p.log() + ":\n"
                        + p.tail(40));
            }
            Cancellation.sleep(250);
        }
    }

    boolean isRunning(String name) {
        synchronized (lock) {
            ChildProcess p = processes.get(name);
            return p != null && p.isAlive();
        }
    }

    /** Processes that exited on their own since the last call, each with the tail of its log; then forgotten. */
    List<String> exited() {
        List<String> exits = new ArrayList<>();
        synchronized (lock) {
            if (stopped) {
                return exits;
            }
            processes.entrySet().removeIf(e -> {
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

    /** Stops one process (SIGTERM, then SIGKILL after {@code grace}). */
    void stop(String name, Duration grace) {
        ChildProcess p;
        synchronized (lock) {
            p = processes.remove(name);
        }
        if (p == null) {
            throw new IllegalArgumentException(name + " is not running");
        }
        p.stop(grace);
        onChange.run();
        progress.step("Stopped " + name);
    }

    /** The running processes for the pid file; an extra instance under its service's name (its jar). */
    List<RunPids.Entry> pids() {
        synchronized (lock) {
            return processes.entrySet().stream()
                    .map(e -> new RunPids.Entry(
                            instances.containsKey(e.getKey())
                                    ? instances.get(e.getKey()).name()
                                    : e.getKey(),
                            e.getValue().pid()))
                    .toList();
        }
    }

    /** Hands over every process for the final stop; none is started afterwards. */
    List<ChildProcess> takeAll() {
        synchronized (lock) {
            stopped = true;
            List<ChildProcess> all = List.copyOf(processes.values());
            processes.clear();
            return all;
        }
    }
}
