package io.chatsuite.local.run;

import io.chatsuite.local.infra.EmbeddedKafka;
import io.chatsuite.local.infra.EmbeddedPostgres;
import io.chatsuite.local.infra.SuiteTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Starts the local run's infrastructure (PostgreSQL with the services' databases, Kafka with the suite's topics,
 * Keycloak with the realm) and reports each step. Each start hands the running part to {@code register} as soon
 * as it runs, before waiting on it, so that a stop meanwhile stops it too.
 */
final class InfraStartup {

    private final SuiteOptions options;
    private final Progress progress;
    private final Cancellation cancel;
    private final Path dataDir;
    private final Path logDir;
    private final Function<Path, String> display;

    InfraStartup(SuiteOptions options, Progress progress, Cancellation cancel, Function<Path, String> display) {
        this.options = options;
        this.progress = progress;
        this.cancel = cancel;
        this.dataDir = options.dataDir();
        this.logDir = dataDir.resolve("logs");
        this.display = display;
    }

    void postgres(Consumer<EmbeddedPostgres> register) {
        EmbeddedPostgres pg = EmbeddedPostgres.start(
                dataDir.resolve("postgres"), options.ports().postgres());
        register.accept(pg);
        List<String> databases =
                SuiteService.ALL.stream().map(SuiteService::database).toList();
        databases.forEach(pg::ensureDatabase);
        progress.step("PostgreSQL " + serverVersion(pg) + " ready on 127.0.0.1:" + pg.port() + " (databases "
                + String.join(", ", databases) + ")");
    }

    void kafka(Consumer<EmbeddedKafka> register) {
        EmbeddedKafka k =
                EmbeddedKafka.start(dataDir.resolve("kafka"), options.ports().kafka());
        register.accept(k);
        SuiteTopics.ensure(k.bootstrapServers(), 3);
        progress.step("Kafka " + AppInfoParser.getVersion() + " ready on " + k.bootstrapServers() + " (suite topics)");
    }

    /**
     * Installs Keycloak on the first run, writes the realm for {@code edgeUrl}, starts it and waits until it is
     * ready.
     *
     * @return the password of Keycloak's bootstrap admin
     */
    String keycloak(String edgeUrl, Consumer<KeycloakServer> register) {
        KeycloakServer.Distribution dist = KeycloakServer.Distribution.fromBuild();
        Path home = options.keycloakHome(dist.version());
        if (!Files.exists(home.resolve("bin").resolve("kc.sh"))) {
            progress.step(
                    "Unpacking Keycloak " + dist.version() + " into " + display.apply(home) + " (first run only)");
        }
        KeycloakServer.install(dist, home);
        cancel.check();
        KeycloakServer.writeRealm(home, edgeUrl);
        // Beside the installation: Keycloak creates its bootstrap admin once, in the installation's database.
        String adminPassword = Secrets.readOrCreate(adminPasswordFile(options), 18);
        KeycloakServer server =
                KeycloakServer.start(home, options.ports().keycloak(), adminPassword, logDir.resolve("keycloak.log"));
        register.accept(server);
        progress.step("Keycloak " + dist.version() + " starting (pid " + server.pid() + ", log "
                + display.apply(logDir.resolve("keycloak.log")) + ")");
        server.awaitReady(options.keycloakStartTimeout(), cancel);
        progress.step("Keycloak " + dist.version() + " ready on http://localhost:"
                + options.ports().keycloak() + " (realm " + KeycloakServer.REALM + ")");
        return adminPassword;
    }

    /** Where the password of Keycloak's bootstrap admin is kept, beside the installation. */
    static Path adminPasswordFile(SuiteOptions options) {
        return options.keycloakHome(KeycloakServer.Distribution.fromBuild().version())
                .resolveSibling("keycloak-admin.password");
    }

    private static String serverVersion(EmbeddedPostgres pg) {
        try (Connection c = DriverManager.getConnection(
                        pg.jdbcUrl("postgres"), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        } catch (SQLException e) {
            return "";
        }
    }
}
