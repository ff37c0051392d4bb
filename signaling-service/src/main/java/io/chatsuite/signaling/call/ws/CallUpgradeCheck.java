package io.chatsuite.signaling.call.ws;

import io.chatsuite.signaling.call.service.Admission;
import io.chatsuite.signaling.call.service.CallAuthorizer;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Admits a call socket handshake only for the interaction's two parties, so that nobody else ever holds an
 * open call socket; the admitted party's role travels to the socket in the connection's user data.
 */
@ApplicationScoped
public class CallUpgradeCheck implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(CallUpgradeCheck.class);
    private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Bearer"));

    private final CallAuthorizer authorizer;

    public CallUpgradeCheck(CallAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return CallSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String interactionId = context.pathParam(CallSocket.INTERACTION_ID);
        String sessionToken = context.httpRequest().getParam("sessionToken");
        return context.securityIdentity()
                .chain(identity -> authorizer.admit(interactionId, sessionToken, identity))
                .map(admission -> switch (admission) {
                    case Admission.Admitted admitted -> {
                        context.userData().put(CallSocket.ROLE, admitted.role().name());
                        context.userData().put(CallSocket.PARTY, admitted.partyId());
                        yield CheckResult.permitUpgradeSync();
                    }
                    case Admission.Refused refused -> {
                        LOG.debugf(
                                "Call socket of interaction %s refused (%d): %s",
                                interactionId, refused.status(), refused.reason());
                        yield refused.status() == 401
                                ? CheckResult.rejectUpgradeSync(401, CHALLENGE)
                                : CheckResult.rejectUpgradeSync(refused.status());
                    }
                })
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf(
                            "Call socket of interaction %s refused, authorization failed: %s",
                            interactionId, e.toString());
                    return CheckResult.rejectUpgradeSync(503);
                });
    }
}
