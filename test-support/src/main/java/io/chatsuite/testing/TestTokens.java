package io.chatsuite.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Access tokens for tests, shaped like Keycloak's (realm roles under {@code realm_access.roles}, security groups
 * in {@code groups}) and signed with the key the Quarkus OIDC WireMock server publishes.
 */
public final class TestTokens {

    private TestTokens() {}

    public static String token(String user, Set<String> roles, Set<String> groups) {
        return Jwt.preferredUserName(user)
                .subject(user)
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .claim("name", Character.toUpperCase(user.charAt(0)) + user.substring(1))
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .groups(groups)
                .expiresIn(3600)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    public static String admin(String... groups) {
        return token("admin", Set.of("admin"), Set.of(groups));
    }

    public static String supervisor(String... groups) {
        return token("supervisor", Set.of("supervisor"), Set.of(groups));
    }

    public static String agent(String user, String... groups) {
        return token(user, Set.of("agent"), Set.of(groups));
    }
}
