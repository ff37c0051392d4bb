package io.chatsuite.local.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of a run, one {@code name pid} a line in the data directory's {@code run.pids}, so the next run
 * can stop what a killed launcher left behind.
 */
final class RunPids {

    static final String FILE = "run.pids";
    static final String LAUNCHER = "launcher";
    static final String KEYCLOAK = "keycloak";

    /** One line: the launcher, keycloak, or the service whose jar the process runs. */
    record Entry(String name, long pid) {}

    private RunPids() {}

    /** Records this launcher and {@code processes}; an extra instance is listed under its service's name. */
    static void write(Path dataDir, List<Entry> processes) {
        StringBuilder sb =
                new StringBuilder(LAUNCHER + " " + ProcessHandle.current().pid() + "\n");
        processes.forEach(e -> sb.append(e.name()).append(' ').append(e.pid()).append('\n'));
        try {
            Files.writeString(dataDir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of the last run, if its file is there; lines without two fields are skipped. */
    static List<Entry> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                entries.add(new Entry(parts[0], Long.parseLong(parts[1])));
            }
        }
        return entries;
    }

    static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // A stale pid file is checked against live processes on the next start.
        }
    }
}
