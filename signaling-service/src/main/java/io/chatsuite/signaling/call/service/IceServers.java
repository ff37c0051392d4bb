package io.chatsuite.signaling.call.service;

import io.chatsuite.signaling.call.config.IceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ICE servers one party of an interaction's call may use (the shape of a browser's {@code RTCIceServer}):
 * the STUN servers, and the TURN servers with a credential of that interaction that expires after
 * {@code chat.calls.ice.credential-lifetime}.
 */
@ApplicationScoped
public class IceServers {

    private final List<String> stunUrls;
    private final List<String> turnUrls;
    private final Optional<TurnCredentials> credentials;
    private final IceConfig config;
    private final Clock clock;

    @Inject
    public IceServers(IceConfig config) {
        this(config, Clock.systemUTC());
    }

    IceServers(IceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.stunUrls = config.stunUrls().orElse(List.of());
        this.turnUrls = config.turnUrls().orElse(List.of());
        if (!turnUrls.isEmpty() && config.turnSecret().isEmpty()) {
            throw new IllegalStateException("chat.calls.ice.turn-urls needs chat.calls.ice.turn-secret");
        }
        this.credentials =
                turnUrls.isEmpty() ? Optional.empty() : config.turnSecret().map(TurnCredentials::new);
    }

    /** What to put in {@code RTCPeerConnection}'s {@code iceServers} for a call of {@code interactionId}. */
    public List<IceServer> forInteraction(String interactionId) {
        List<IceServer> servers = new ArrayList<>();
        if (!stunUrls.isEmpty()) {
            servers.add(new IceServer(stunUrls, null, null));
        }
        credentials.ifPresent(turn -> {
            TurnCredentials.Credential credential =
                    turn.issue(interactionId, Instant.now(clock).plus(config.credentialLifetime()));
            servers.add(new IceServer(turnUrls, credential.username(), credential.password()));
        });
        return List.copyOf(servers);
    }

    /** One entry of {@code iceServers}; username and credential only for TURN. */
    public record IceServer(List<String> urls, String username, String credential) {}
}
