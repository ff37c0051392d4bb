package io.chatsuite.local.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local run's data directory (databases, topics, Keycloak, secrets, logs): created with a marker file, and
 * deleted for a fresh start only when it holds that marker or is empty.
 */
final class DataDirectory {

    /** The data directory's marker; {@code fresh} deletes only directories that hold it (or are empty). */
    static final String MARKER = ".chat-suite-data";

    private DataDirectory() {}

    /** Creates {@code dir} and its {@code logs} directory, deleting everything in it first when {@code fresh}. */
    static void prepare(Path dir, boolean fresh) {
        try {
            if (fresh && Files.exists(dir)) {
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
                Files.writeString(
                        dir.resolve(MARKER),
                        "Data of the chat suite's local run (./chat up). "
                                + "Safe to delete: ./chat up --fresh does.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
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
}
