package io.chatsuite.commons.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    final SessionTokens tokens = new SessionTokens("0123456789abcdef-test-secret");

    @Test
    void genuineTokenNamesItsInteraction() {
        String token = tokens.issue("i-42");
        assertEquals(Optional.of("i-42"), tokens.verify(token));
        assertNotEquals(token, tokens.issue("i-42"));
    }

    @Test
    void forgedTamperedOrForeignTokensAreRefused() {
        String token = tokens.issue("i-42");
        String otherInteraction =
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("i-43".getBytes())
                        + token.substring(token.indexOf('.'));
        assertTrue(tokens.verify(otherInteraction).isEmpty());
        assertTrue(tokens.verify(token.substring(0, token.length() - 2)).isEmpty());
        assertTrue(tokens.verify("garbage").isEmpty());
        assertTrue(tokens.verify(null).isEmpty());
        assertTrue(new SessionTokens("another-secret-0123456789").verify(token).isEmpty());
    }
}
