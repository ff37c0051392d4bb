package io.chatsuite.local.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat-suite realm the local Keycloak imports: roles, groups, demo users and the console client. */
class RealmFileTest {

    private static JsonObject realm;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = RealmFileTest.class.getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            assertNotNull(in, "realm file on the classpath");
            realm = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Set<String> names(JsonArray array, String field) {
        return array.stream().map(o -> ((JsonObject) o).getString(field)).collect(Collectors.toSet());
    }

    private static Set<String> strings(JsonArray array) {
        return array.stream().map(String::valueOf).collect(Collectors.toSet());
    }

    private static JsonObject user(String name) {
        return realm.getJsonArray("users").stream()
                .map(JsonObject.class::cast)
                .filter(u -> name.equals(u.getString("username")))
                .findFirst()
                .orElseThrow();
    }

    private static JsonObject console() {
        return realm.getJsonArray("clients").stream()
                .map(JsonObject.class::cast)
                .filter(c -> "chat-console".equals(c.getString("clientId")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void isTheChatSuiteRealmWithShortLivedAccessTokens() {
        assertEquals("chat-suite", realm.getString("realm"));
        assertTrue(realm.getBoolean("enabled"));
        assertEquals(900, realm.getInteger("accessTokenLifespan"));
    }

    @Test
    void definesTheThreeRealmRolesAndTwoSecurityGroups() {
        assertEquals(
                Set.of("admin", "supervisor", "agent"),
                names(realm.getJsonObject("roles").getJsonArray("realm"), "name"));
        assertEquals(Set.of("sales", "support"), names(realm.getJsonArray("groups"), "name"));
    }

    @Test
    void holdsTheDemoUsersWithTheirRolesAndGroups() {
        Map<String, List<Set<String>>> expected = Map.of(
                "admin", List.of(Set.of("admin"), Set.of("/sales", "/support")),
                "supervisor", List.of(Set.of("supervisor"), Set.of("/sales")),
                "alice", List.of(Set.of("agent"), Set.of("/sales")),
                "bob", List.of(Set.of("agent"), Set.of("/sales")),
                "carol", List.of(Set.of("agent"), Set.of("/support")),
                "dora", List.of(Set.of("admin"), Set.of("/support")));
        assertEquals(expected.keySet(), names(realm.getJsonArray("users"), "username"));
        expected.forEach((name, rolesAndGroups) -> {
            JsonObject u = user(name);
            assertEquals(rolesAndGroups.get(0), strings(u.getJsonArray("realmRoles")), name);
            assertEquals(rolesAndGroups.get(1), strings(u.getJsonArray("groups")), name);
            assertTrue(u.getBoolean("enabled"), name);
            assertTrue(u.getBoolean("emailVerified"), name);
            assertFalse(u.getString("firstName", "").isBlank(), name);
            assertFalse(u.getString("lastName", "").isBlank(), name);
            assertTrue(u.getString("email", "").contains("@"), name);
            assertTrue(u.getJsonArray("requiredActions", new JsonArray()).isEmpty(), name);
            JsonObject credential = u.getJsonArray("credentials").getJsonObject(0);
            assertEquals("password", credential.getString("type"), name);
            assertEquals(name, credential.getString("value"), "demo password = user name for " + name);
            assertFalse(credential.getBoolean("temporary"), name);
        });
    }

    @Test
    void consoleIsAPublicPkceClientOfTheEdge() {
        JsonObject c = console();
        assertTrue(c.getBoolean("enabled"));
        assertTrue(c.getBoolean("publicClient"));
        assertTrue(c.getBoolean("standardFlowEnabled"));
        assertFalse(c.getBoolean("implicitFlowEnabled"));
        assertTrue(c.getBoolean("directAccessGrantsEnabled"), "the launcher and the tests use the password grant");
        assertEquals(Set.of("http://localhost:8080/*"), strings(c.getJsonArray("redirectUris")));
        assertEquals(Set.of("+"), strings(c.getJsonArray("webOrigins")));
        assertEquals("S256", c.getJsonObject("attributes").getString("pkce.code.challenge.method"));
        assertEquals("http://localhost:8080/*", c.getJsonObject("attributes").getString("post.logout.redirect.uris"));
    }

    @Test
    void putsGroupNamesAndTheUserNameInTheAccessToken() {
        Map<String, JsonObject> mappers = console().getJsonArray("protocolMappers").stream()
                .map(JsonObject.class::cast)
                .collect(Collectors.toMap(m -> m.getString("protocolMapper"), m -> m.getJsonObject("config")));
        JsonObject groups = mappers.get("oidc-group-membership-mapper");
        assertNotNull(groups, "group membership mapper");
        assertEquals("groups", groups.getString("claim.name"));
        assertEquals("false", groups.getString("full.path"));
        assertEquals("true", groups.getString("access.token.claim"));
        JsonObject username = mappers.get("oidc-usermodel-property-mapper");
        assertEquals("preferred_username", username.getString("claim.name"));
        assertEquals("username", username.getString("user.attribute"));
        assertEquals("true", username.getString("access.token.claim"));
    }

    @Test
    void edgeOriginIsTheOneTheLauncherReplacesForOtherPorts() {
        assertTrue(realm.encode().contains(KeycloakServer.REALM_EDGE_ORIGIN));
    }
}
