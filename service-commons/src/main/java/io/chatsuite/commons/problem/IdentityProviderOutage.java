package io.chatsuite.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A token cannot be checked while the identity provider (Keycloak) is unreachable: the request is answered
 * {@code 503 Service Unavailable} with problem details and a {@code Retry-After}, not the framework's plain-text
 * 500. Authentication runs before any REST endpoint, so this is a failure handler on the HTTP router (the REST
 * exception mappers never see it); WebSocket handshakes with a token get the same answer.
 */
@ApplicationScoped
public class IdentityProviderOutage {

    private static final Logger LOG = Logger.getLogger(IdentityProviderOutage.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;

    public IdentityProviderOutage(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!causedByIdentityProvider(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        String path = context.request().path();
        LOG.warnf(
                "%s %s: the identity provider is unreachable (%s)",
                context.request().method(), path, context.failure().getMessage());
        Problem problem = new Problem(
                "about:blank",
                "Service Unavailable",
                503,
                "Sign-in cannot be checked right now: the identity provider is unreachable. Try again shortly.",
                path,
                List.of());
        try {
            context.response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }

    /**
     * The tenant could not be reached: OIDC fails the request itself. A token that was checked and refused (one
     * that is malformed, expired or signed by someone else) fails as an authentication failure instead, which
     * may wrap an {@link OIDCException} and stays a 401.
     */
    private static boolean causedByIdentityProvider(Throwable failure) {
        return failure instanceof OIDCException;
    }
}
