package io.chatsuite.local.run;

import io.chatsuite.local.infra.EmbeddedPostgres;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment every service process reads (see each service's application.properties). */
final class ServiceEnvironment {

    private final EmbeddedPostgres postgres;
    private final String kafkaBootstrapServers;
    private final String oidcUrl;
    private final String sessionSecret;
    private final String publicUrl;
    private final Map<String, String> overrides;

    ServiceEnvironment(
            EmbeddedPostgres postgres,
            String kafkaBootstrapServers,
            String oidcUrl,
            String sessionSecret,
            String publicUrl,
            Map<String, String> overrides) {
        this.postgres = postgres;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.oidcUrl = oidcUrl;
        this.sessionSecret = sessionSecret;
        this.publicUrl = publicUrl;
        this.overrides = overrides;
    }

    /** The variables of service {@code s} listening on {@code port}; the options' own variables win. */
    Map<String, String> of(SuiteService s, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_JDBC_URL", postgres.jdbcUrl(s.database()));
        env.put("DB_REACTIVE_URL", postgres.reactiveUrl(s.database()));
        env.put("DB_USER", EmbeddedPostgres.USER);
        env.put("DB_PASSWORD", EmbeddedPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("OIDC_URL", oidcUrl);
        // The console logs in from the browser, which reaches Keycloak at the same URL on this machine.
        env.put("CHAT_CONSOLE_OIDC_URL", oidcUrl);
        env.put("CHAT_SESSION_SECRET", sessionSecret);
        env.put("CHAT_PUBLIC_URL", publicUrl);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // Only the edge is meant to be reached from a browser; the services listen on loopback.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.putAll(overrides);
        return env;
    }
}
