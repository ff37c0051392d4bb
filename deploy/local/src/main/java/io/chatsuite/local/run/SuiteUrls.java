package io.chatsuite.local.run;

import java.util.LinkedHashMap;
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

    /** The URLs of a suite started with {@code options}; {@code demoCampaignId} may be null. */
    static SuiteUrls of(SuiteOptions options, String demoCampaignId, String kafkaBootstrapServers) {
        String edgeUrl = "http://localhost:" + options.ports().edge();
        Map<String, String> serviceUrls = new LinkedHashMap<>();
        options.services()
                .forEach(s -> serviceUrls.put(
                        s.name(), "http://127.0.0.1:" + options.ports().service(s.name())));
        String kc = options.keycloak() ? "http://localhost:" + options.ports().keycloak() : null;
        return new SuiteUrls(
                edgeUrl,
                edgeUrl + "/demo/" + (demoCampaignId != null ? "?campaignId=" + demoCampaignId : ""),
                edgeUrl + "/console/",
                kc,
                kc != null ? kc + "/admin/" : null,
                options.oidcUrl(),
                kafkaBootstrapServers,
                Map.copyOf(serviceUrls));
    }

    /** The direct URL of one service (bypassing the edge), e.g. {@code http://127.0.0.1:8081}. */
    public String service(String name) {
        String url = services.get(name);
        if (url == null) {
            throw new IllegalArgumentException(name + " is not running in this suite; running: " + services.keySet());
        }
        return url;
    }
}
