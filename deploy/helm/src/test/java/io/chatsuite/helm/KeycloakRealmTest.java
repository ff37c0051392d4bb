package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The realm the chart imports gives production what the local demo realm gives the local run (roles, the console
 * client the gateway announces, the groups claim), without the demo users and their password logins.
 */
class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void realmImportMatchesTheLocalRealmWithoutDemoUsers() throws IOException {
        JsonNode local = JSON.readTree(HelmTools.REPO
                .resolve("deploy/local/src/main/resources/keycloak/chat-suite-realm.json")
                .toFile());
        JsonNode cm = Charts.ofKind(Charts.manifests(Charts.Example.PRODUCTION), "ConfigMap").stream()
                .filter(c -> c.at("/metadata/name").asText().equals(Charts.RELEASE + "-keycloak-realm"))
                .findFirst()
                .orElseThrow();
        JsonNode realm = JSON.readTree(cm.at("/data/chat-suite-realm.json").asText());

        assertEquals(roles(local), roles(realm));
        assertFalse(realm.has("users"), "no users, let alone demo passwords");
        JsonNode console = realm.at("/clients/0");
        String consoleClientId = ServiceProperties.of("chat-gateway").values().get("chat.console.client-id");
        assertEquals(consoleClientId, console.path("clientId").asText());
        assertEquals(
                local.at("/clients/0/attributes/pkce.code.challenge.method").asText(),
                console.at("/attributes/pkce.code.challenge.method").asText());
        assertFalse(console.path("directAccessGrantsEnabled").asBoolean(true), "password grant is for the demo only");
        assertEquals(groupsClaim(local), groupsClaim(realm));
        assertEquals(Set.of("/sales", "/support"), paths(realm.path("groups")));
    }

    private static Set<String> roles(JsonNode realm) {
        Set<String> roles = new TreeSet<>();
        realm.at("/roles/realm").forEach(r -> roles.add(r.path("name").asText()));
        return roles;
    }

    private static String groupsClaim(JsonNode realm) {
        for (JsonNode mapper : realm.at("/clients/0/protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-group-membership-mapper")) {
                return mapper.at("/config/claim.name").asText() + " full.path="
                        + mapper.at("/config/full.path").asText();
            }
        }
        return "none";
    }

    private static Set<String> paths(JsonNode groups) {
        Set<String> paths = new TreeSet<>();
        groups.forEach(g -> paths.add(g.path("path").asText()));
        return paths;
    }
}
