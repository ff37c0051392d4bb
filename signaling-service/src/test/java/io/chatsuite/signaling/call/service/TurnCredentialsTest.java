package io.chatsuite.signaling.call.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.signaling.call.config.IceConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {

    static final String SECRET = "a-turn-secret-of-32-characters!!";

    @Test
    void usernameIsExpiryAndInteractionAndThePasswordIsItsHmacSha1() {
        TurnCredentials.Credential c =
                new TurnCredentials(SECRET).issue("5f0c9b4e-interaction", Instant.ofEpochSecond(1_767_225_600L));
        assertEquals("1767225600:5f0c9b4e-interaction", c.username());
        // openssl dgst -sha1 -hmac "$SECRET" -binary <<< the username (no newline) | base64
        assertEquals("iOAUSg+TpzVjDYYL03tmbz5YPXs=", c.password());
    }

    @Test
    void theSecretNeverAppearsInACredentialOrItsLogLine() {
        TurnCredentials.Credential c = new TurnCredentials(SECRET).issue("i-1", Instant.ofEpochSecond(10));
        assertFalse(c.toString().contains(SECRET));
        assertFalse(c.toString().contains(c.password()), "passwords stay out of logs too");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TurnCredentials("short"));
    }

    @Test
    void iceServersGiveStunAndTurnWithACredentialExpiringAfterTheLifetime() {
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        IceServers servers = new IceServers(
                config(List.of("turn:127.0.0.1:3478"), Optional.of(SECRET)), Clock.fixed(now, ZoneOffset.UTC));

        List<IceServers.IceServer> list = servers.forInteraction("i-42");

        assertEquals(2, list.size());
        assertEquals(List.of("stun:127.0.0.1:3478"), list.get(0).urls());
        IceServers.IceServer turn = list.get(1);
        assertEquals(now.plus(Duration.ofMinutes(30)).getEpochSecond() + ":i-42", turn.username());
        assertEquals(new TurnCredentials(SECRET).password(turn.username()), turn.credential());
    }

    @Test
    void withoutTurnOnlyStunIsGivenAndTurnWithoutASecretDoesNotStart() {
        assertTrue(new IceServers(config(List.of(), Optional.empty()))
                .forInteraction("i").stream().allMatch(s -> s.username() == null));
        assertThrows(
                IllegalStateException.class,
                () -> new IceServers(config(List.of("turn:127.0.0.1:3478"), Optional.empty())));
    }

    private static IceConfig config(List<String> turnUrls, Optional<String> secret) {
        return new IceConfig() {
            @Override
            public Optional<List<String>> stunUrls() {
                return Optional.of(List.of("stun:127.0.0.1:3478"));
            }

            @Override
            public Optional<List<String>> turnUrls() {
                return turnUrls.isEmpty() ? Optional.empty() : Optional.of(turnUrls);
            }

            @Override
            public Optional<String> turnSecret() {
                return secret;
            }

            @Override
            public Duration credentialLifetime() {
                return Duration.ofMinutes(30);
            }
        };
    }
}
