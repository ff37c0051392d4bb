package io.chatsuite.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used on this machine, split by who used it: this JVM (the benchmark harness and the embedded broker),
 * routing-service, PostgreSQL, the JIT compiler threads of both JVMs (so a measurement can show that the code it
 * measures was already compiled) and everything else. Read from {@code /proc} (Linux); elsewhere it reads nothing.
 * Time spent by processes that ended between two readings is not counted.
 */
public final class CpuMeter {

    public static final String HARNESS = "harness + broker";
    public static final String ROUTING = "routing-service";
    public static final String POSTGRES = "PostgreSQL";
    public static final String JIT = "JIT compilers";
    public static final String OTHER = "other";
    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private static final Path PROC = Path.of("/proc");

    private CpuMeter() {}

    /** CPU seconds used so far by each group (processes alive now): the groups named above, in that order. */
    public static Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String group : new String[] {HARNESS, ROUTING, POSTGRES, JIT, OTHER}) {
            seconds.put(group, 0.0);
        }
        if (!Files.isDirectory(PROC)) {
            return seconds;
        }
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(CpuMeter::numbered).forEach(p -> {
                try {
                    Stat process = Stat.of(p);
                    String group = group(Long.parseLong(p.getFileName().toString()), self, process.comm, p);
                    double jit = group.equals(HARNESS) || group.equals(ROUTING) ? compilerSeconds(p) : 0;
                    seconds.merge(group, process.seconds - jit, Double::sum);
                    seconds.merge(JIT, jit, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the process ended while being read
                }
            });
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    /** CPU seconds of the JVM's JIT compiler threads. */
    private static double compilerSeconds(Path process) throws IOException {
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            return tasks.filter(CpuMeter::numbered)
                    .mapToDouble(t -> {
                        try {
                            Stat thread = Stat.of(t);
                            return thread.comm.startsWith("C1 Compiler") || thread.comm.startsWith("C2 Compiler")
                                    ? thread.seconds
                                    : 0;
                        } catch (IOException | RuntimeException e) {
                            return 0; // the thread ended while being read
                        }
                    })
                    .sum();
        }
    }

    private static boolean numbered(Path p) {
        return p.getFileName().toString().chars().allMatch(Character::isDigit);
    }

    /** A process's or thread's name and CPU seconds (user + system) from its {@code stat}. */
    private record Stat(String comm, double seconds) {
        static Stat of(Path dir) throws IOException {
            String stat = Files.readString(dir.resolve("stat"));
            // pid (comm) state ppid … utime stime: fields 14 and 15, counted after the closing parenthesis.
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ");
            return new Stat(
                    stat.substring(stat.indexOf('(') + 1, close),
                    (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
        }
    }

    /** {@code after − before}, by group. */
    public static Map<String, Double> since(Map<String, Double> before) {
        Map<String, Double> now = read();
        now.replaceAll((group, s) -> s - before.getOrDefault(group, 0.0));
        return now;
    }

    private static String group(long pid, long self, String comm, Path dir) throws IOException {
        if (pid == self) {
            return HARNESS;
        }
        if (comm.startsWith("postgres")) {
            return POSTGRES;
        }
        if (comm.equals("java") && Files.readString(dir.resolve("cmdline")).contains("routing-service")) {
            return ROUTING;
        }
        return OTHER;
    }
}
