package io.chatsuite.signaling.call.service;

import io.chatsuite.commons.session.SessionTokens;
import io.chatsuite.signaling.interaction.service.InteractionService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Decides who may join an interaction's call: the customer holding the session token bound to it, or the agent
 * it is assigned to (OIDC, role agent), and only while it is assigned. No credentials or unusable ones: 401;
 * the wrong party or an interaction without a call: 403.
 */
@ApplicationScoped
public class CallAuthorizer {

    static final String AGENT_ROLE = "agent";

    private final SessionTokens sessionTokens;
    private final InteractionService interactions;

    public CallAuthorizer(SessionTokens sessionTokens, InteractionService interactions) {
        this.sessionTokens = sessionTokens;
        this.interactions = interactions;
    }

    public Uni<Admission> admit(String interactionId, String sessionToken, SecurityIdentity identity) {
        if (sessionToken != null && !sessionToken.isEmpty()) {
            Optional<String> boundTo = sessionTokens.verify(sessionToken);
            if (boundTo.isEmpty()) {
                return refused(401, "session token forged or malformed");
            }
            if (!boundTo.get().equals(interactionId)) {
                return refused(403, "session token of interaction " + boundTo.get());
            }
            return interactions.find(interactionId).map(Admission::customer);
        }
        if (identity == null || identity.isAnonymous()) {
            return refused(401, "no credentials");
        }
        if (!identity.hasRole(AGENT_ROLE)) {
            return refused(403, identity.getPrincipal().getName() + " is not an agent");
        }
        String agentId = identity.getPrincipal().getName();
        return interactions.find(interactionId).map(interaction -> Admission.agent(interaction, agentId));
    }

    private static Uni<Admission> refused(int status, String reason) {
        return Uni.createFrom().item(new Admission.Refused(status, reason));
    }
}
