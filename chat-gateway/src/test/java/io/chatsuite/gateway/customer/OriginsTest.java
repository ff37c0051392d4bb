package io.chatsuite.gateway.customer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginsTest {

    private static final String PUBLIC_URL = "http://localhost:8080";
    private static final List<String> CAMPAIGN = List.of("https://shop.example.com", "http://LOCALHOST:3000/");

    @Test
    void campaignOriginsAndTheSuitesOwnOriginAreAllowed() {
        assertTrue(Origins.allowed("https://shop.example.com", CAMPAIGN, PUBLIC_URL));
        assertTrue(Origins.allowed("https://shop.example.com:443", CAMPAIGN, PUBLIC_URL));
        assertTrue(Origins.allowed("http://localhost:3000", CAMPAIGN, PUBLIC_URL));
        assertTrue(Origins.allowed("http://localhost:8080", List.of(), PUBLIC_URL));
    }

    @Test
    void anythingElseIsRefused() {
        assertFalse(Origins.allowed("https://evil.example.com", CAMPAIGN, PUBLIC_URL));
        assertFalse(Origins.allowed("http://shop.example.com", CAMPAIGN, PUBLIC_URL));
        assertFalse(Origins.allowed("https://shop.example.com.evil.com", CAMPAIGN, PUBLIC_URL));
        assertFalse(Origins.allowed(null, CAMPAIGN, PUBLIC_URL));
        assertFalse(Origins.allowed("null", CAMPAIGN, PUBLIC_URL));
        assertFalse(Origins.allowed("file:///tmp/page.html", CAMPAIGN, PUBLIC_URL));
    }
}
