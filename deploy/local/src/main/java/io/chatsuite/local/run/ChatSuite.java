package io.chatsuite.local.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The command line of the local run ({@code ./chat up}): parses the options, sends library logs to a file and
 * runs a {@link LocalSuite} until Ctrl-C.
 */
public final class ChatSuite {

    static final String USAGE = """
            Usage: ./chat <command> [options]

            Commands:
              up       Start the whole suite on this machine and keep it running until Ctrl-C:
                       PostgreSQL, Kafka, Keycloak, the five services and the edge on http://localhost:8080
              routes   Print the edge's route table (Markdown, and as Kubernetes ingress paths)
              help     Show this help

            Options of up:
              --fresh              Delete the data directory first (databases, topics, Keycloak realm, secrets)
              --build              Rebuild before starting even if nothing changed (the script builds what is missing)
              --services a,b       Start only these services (default all; or set CHAT_SERVICES):
                                   campaign-service, routing-service, chat-gateway, signaling-service,
                                   offline-message-service
              --no-keycloak        Do not start Keycloak (the services then accept no token)
              --data-dir DIR       Keep the data in DIR instead of .chat-data

            Data, logs and generated secrets live in .chat-data/ (logs in .chat-data/logs/).
            Environment: CHAT_SERVICES (services to start), CHAT_SERVICE_JAVA_OPTS (JVM options of each service,
            default "-Xmx256m -XX:+UseSerialGC"), CHAT_JAVA_OPTS (JVM options of the launcher).
            """;

    private ChatSuite() {}

    /** The parsed options of {@code up}. */
    record UpCommand(boolean fresh, boolean keycloak, List<String> services, Path dataDir) {

        static UpCommand parse(List<String> args, String servicesEnv) {
            boolean fresh = false;
            boolean keycloak = true;
            List<String> services = null;
            Path dataDir = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--fresh" -> fresh = true;
                    case "--build" -> {
                        // Handled by the chat script before the launcher runs.
                    }
                    case "--no-keycloak" -> keycloak = false;
                    case "--services" -> services = splitServices(value(args, ++i, a));
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--services=")) {
                            services = splitServices(a.substring("--services=".length()));
                        } else if (a.startsWith("--data-dir=")) {
                            dataDir = Path.of(a.substring("--data-dir=".length()));
                        } else {
                            throw new IllegalArgumentException("Unknown option " + a);
                        }
                    }
                }
            }
            if (services == null && servicesEnv != null && !servicesEnv.isBlank()) {
                services = splitServices(servicesEnv);
            }
            if (services == null) {
                services = SuiteService.ALL.stream().map(SuiteService::name).toList();
            }
            services.forEach(SuiteService::named);
            return new UpCommand(fresh, keycloak, services, dataDir);
        }

        SuiteOptions options(String serviceJavaOpts) {
            SuiteOptions.Builder b = SuiteOptions.builder()
                    .fresh(fresh)
                    .keycloak(keycloak)
                    .services(services)
                    .dataDir(dataDir);
            if (serviceJavaOpts != null && !serviceJavaOpts.isBlank()) {
                b.serviceJvmOptions(List.of(serviceJavaOpts.trim().split("\\s+")));
            }
            return b.build();
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static List<String> splitServices(String s) {
            List<String> list = new ArrayList<>();
            for (String part : s.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    list.add(part.trim());
                }
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("--services needs at least one service");
            }
            return list;
        }
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "up" -> up(rest);
            case "routes" -> {
                System.out.println(EdgeRoutes.markdown(EdgeRoutes.TABLE));
                System.out.println(EdgeRoutes.ingressPaths(EdgeRoutes.TABLE));
            }
            case "help", "--help", "-h" -> System.out.print(USAGE);
            default -> {
                System.err.println("Unknown command: " + command + "\n");
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    private static void up(List<String> args) {
        UpCommand cmd;
        try {
            cmd = UpCommand.parse(args, System.getenv("CHAT_SERVICES"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n");
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        LocalSuite suite;
        try {
            suite = LocalSuite.prepare(cmd.options(System.getenv("CHAT_SERVICE_JAVA_OPTS")));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        logToFile(suite.logDir().resolve("launcher.log"));
        Signals.onInterrupt(suite::close);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "chat-suite-stop"));
        try {
            suite.start();
        } catch (LocalSuite.CancelledException e) {
            return;
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The chat suite did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        watch(suite);
    }

    /** Keeps the launcher alive and reports services that stop on their own. */
    private static void watch(LocalSuite suite) {
        while (true) {
            for (String exit : suite.exitedServices()) {
                System.err.println(exit);
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // Kafka, the PostgreSQL wrapper and Vert.x log through slf4j-jdk14 into java.util.logging: keep the
    // terminal for progress and send their lines to a file.
    private static void logToFile(Path file) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        try {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
            FileHandler handler = new FileHandler(file.toString(), false);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.INFO);
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            root.setLevel(Level.OFF);
        }
    }
}
