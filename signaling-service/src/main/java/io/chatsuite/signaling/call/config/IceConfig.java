package io.chatsuite.signaling.call.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The ICE servers browsers use for calls: STUN servers, and TURN servers with time-limited credentials derived
 * from a secret shared with the TURN server (the TURN REST API scheme, coturn's {@code use-auth-secret}).
 */
@ConfigMapping(prefix = "chat.calls.ice")
public interface IceConfig {

    /** STUN server URLs, e.g. {@code stun:turn.example.com:3478}; none by default. */
    Optional<List<String>> stunUrls();

    /** TURN server URLs, e.g. {@code turn:turn.example.com:3478?transport=udp}; none: calls use STUN only. */
    Optional<List<String>> turnUrls();

    /** The secret shared with the TURN server; required when TURN URLs are set. Never sent to a browser. */
    Optional<String> turnSecret();

    /** How long a TURN credential stays valid after it was issued. */
    @WithDefault("1h")
    Duration credentialLifetime();
}
