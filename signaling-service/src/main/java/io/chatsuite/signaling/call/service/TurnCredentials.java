package io.chatsuite.signaling.call.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials by the TURN REST API scheme: the username is {@code <expiry>:<interactionId>}
 * (expiry in Unix seconds) and the password the Base64 HMAC-SHA1 of the username keyed with the secret the TURN
 * server shares. The TURN server checks both without asking the suite, and refuses the credential after expiry.
 */
public final class TurnCredentials {

    private final byte[] secret;

    public TurnCredentials(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The TURN secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A credential for one interaction's call, valid until {@code expiry}. */
    public Credential issue(String interactionId, Instant expiry) {
        String username = expiry.getEpochSecond() + ":" + interactionId;
        return new Credential(username, password(username), expiry);
    }

    /** The password the TURN server expects for {@code username}. */
    public String password(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** A TURN username and password, and when the TURN server stops accepting them. */
    public record Credential(String username, String password, Instant expiresAt) {

        @Override
        public String toString() {
            // Logged credentials would let anyone relay through the TURN server until they expire.
            return "Credential[username=" + username + ", expiresAt=" + expiresAt + "]";
        }
    }
}
