package io.chatsuite.gateway.customer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

/**
 * Decides whether a browser {@code Origin} may open a customer socket for a campaign: it must be one of the
 * campaign's allowed origins or the suite's own public origin. Origins compare as scheme://host[:port],
 * case-insensitively and without default ports or trailing slashes.
 */
public final class Origins {

    private Origins() {}

    public static boolean allowed(String origin, Collection<String> campaignOrigins, String publicUrl) {
        String given = normalize(origin);
        if (given == null) {
            return false;
        }
        if (given.equals(normalize(publicUrl))) {
            return true;
        }
        return campaignOrigins != null
                && campaignOrigins.stream().map(Origins::normalize).anyMatch(given::equals);
    }

    /** scheme://host[:port] of {@code url}, or null when it is not an http(s) origin. */
    static String normalize(String url) {
        if (url == null || url.isBlank() || "null".equals(url.strip())) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            if (host == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
