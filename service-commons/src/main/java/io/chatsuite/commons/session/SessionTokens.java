package io.chatsuite.commons.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Anonymous customers hold an unguessable token bound to one interaction. The gateway issues it; signaling
 * verifies it with the same secret ({@code chat.session.secret}) without a shared database.
 * Format: {@code base64url(interactionId) "." base64url(random 16 bytes) "." base64url(HMAC-SHA256)}.
 */
@ApplicationScoped
public class SessionTokens {

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private final SecureRandom random = new SecureRandom();
    private final byte[] secret;

    public SessionTokens(@ConfigProperty(name = "chat.session.secret") String secret) {
        if (secret.length() < 16) {
            throw new IllegalStateException("chat.session.secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new token for {@code interactionId}. */
    public String issue(String interactionId) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String body =
                ENC.encodeToString(interactionId.getBytes(StandardCharsets.UTF_8)) + "." + ENC.encodeToString(nonce);
        return body + "." + ENC.encodeToString(mac(body));
    }

    /** The interaction a genuine token is bound to; empty for anything forged, truncated or malformed. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String body = token.substring(0, last);
        try {
            byte[] given = DEC.decode(token.substring(last + 1));
            if (!MessageDigest.isEqual(given, mac(body))) {
                return Optional.empty();
            }
            return Optional.of(new String(DEC.decode(token.substring(0, first)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
