package io.chatsuite.campaigns.security;

import static io.chatsuite.campaigns.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identity provider is down: callers get a clear 503 to retry, not a 500; those without a token a 401. */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.Unreachable.class)
class IdentityProviderOutageTest {

    /** Keycloak's address points where nothing listens. */
    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/chat-suite");
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIsAnsweredServiceUnavailableWithProblemDetails() {
        as(TestTokens.admin("sales"))
                .get("/api/campaigns")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", containsString("identity provider is unreachable"))
                .body("instance", equalTo("/api/campaigns"));
    }

    @Test
    void noTokenIsStillUnauthorizedWithProblemDetails() {
        as(null).get("/api/campaigns")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }
}
