package io.chatsuite.testing;

import io.chatsuite.local.infra.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at a database of the JVM's shared embedded PostgreSQL; the init argument
 * {@code database} names it (one per service, as in production).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = SharedInfra.postgres();
        pg.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.username",
                EmbeddedPostgres.USER,
                "quarkus.datasource.password",
                EmbeddedPostgres.PASSWORD,
                "quarkus.datasource.jdbc.url",
                pg.jdbcUrl(database),
                "quarkus.datasource.reactive.url",
                pg.reactiveUrl(database));
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; SharedInfra stops it at exit.
    }
}
