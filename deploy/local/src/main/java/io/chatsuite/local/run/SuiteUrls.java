package io.chatsuite.local.run;

import java.util.Map;

/**
 * Where a running {@link LocalSuite} answers. {@code keycloak} and {@code keycloakAdmin} are null without Keycloak;
 * {@code demo} carries the demo campaign's id when it was created.
 */
public record SuiteUrls(
        String edge,
        String demo,
        String console,
        String keycloak,
        String keycloakAdmin,
        String oidcIssuer,
        String kafkaBootstrapServers,
        Map<String, String> services) {

    /** The direct URL of one service (bypassing the edge), e.g. {@code http://127.0.0.1:8081}. */
    public String service(String name) {
        String url = services.get(name);
        if (url == null) {
            throw new IllegalArgumentException(name + " is not running in this suite; running: " + services.keySet());
        }
        return url;
    }
}
