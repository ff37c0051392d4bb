package io.chatsuite.local.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the processes a previous run left behind when its launcher was killed (Keycloak, services, PostgreSQL),
 * after checking each PID still belongs to such a process; refuses when that launcher is still alive.
 */
final class LeftoverProcesses {

    private final Path dataDir;
    private final Path repoRoot;
    private final String keycloakHome;
    private final Progress progress;

    LeftoverProcesses(Path dataDir, Path repoRoot, Path keycloakHome, Progress progress) {
        this.dataDir = dataDir;
        this.repoRoot = repoRoot;
        this.keycloakHome = keycloakHome.toString();
        this.progress = progress;
    }

    void stop() {
        List<ProcessHandle> leftovers = new ArrayList<>();
        try {
            for (RunPids.Entry entry : RunPids.read(dataDir)) {
                Optional<ProcessHandle> h = ProcessHandle.of(entry.pid()).filter(ProcessHandle::isAlive);
                if (h.isEmpty() || h.get().pid() == ProcessHandle.current().pid()) {
                    continue;
                }
                String cmd = commandLine(h.get());
                if (entry.name().equals(RunPids.LAUNCHER)) {
                    if (cmd.contains("io.chatsuite.local.run") || cmd.contains("surefire") || cmd.contains("junit")) {
                        throw new StartupException("Another local run (pid " + entry.pid() + ") is using " + dataDir
                                + ". Stop it first (Ctrl-C in its terminal, or kill " + entry.pid() + ").");
                    }
                } else if (entry.name().equals(RunPids.KEYCLOAK)
                        ? cmd.contains(keycloakHome)
                        : cmd.contains(SuiteService.named(entry.name())
                                .runJar(repoRoot)
                                .toString())) {
                    leftovers.add(h.get());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable pid file only loses this convenience; port checks still catch conflicts.
        }
        // Their broker died with the old launcher, so they would linger in a graceful stop: stop them together,
        // with a short grace period, then the database they were connected to.
        stopAll(leftovers, Duration.ofSeconds(5));
        Path postmasterPid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            try {
                String first = Files.readAllLines(postmasterPid).get(0).trim();
                ProcessHandle.of(Long.parseLong(first))
                        .filter(ProcessHandle::isAlive)
                        .filter(h -> commandLine(h)
                                .contains(dataDir.resolve("postgres").toString()))
                        .ifPresent(h -> stopAll(List.of(h), Duration.ofSeconds(15)));
            } catch (IOException | RuntimeException e) {
                // PostgreSQL itself reports a stale or foreign postmaster.pid on start.
            }
        }
    }

    private void stopAll(List<ProcessHandle> processes, Duration grace) {
        if (processes.isEmpty()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle h : processes) {
            progress.step(
                    "Stopping a leftover of a previous run: pid " + h.pid() + " (" + abbreviate(commandLine(h)) + ")");
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
}
