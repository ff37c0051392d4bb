package io.chatsuite.gateway.console.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Sets how long browsers and proxies may keep the static files, so that a deploy is never hidden by a cache: the
 * widget bundle under its content stamp for a year, the loader that names the stamp for minutes, and the console
 * and demo pages (ES modules that must come from the same deploy) only after revalidation.
 */
@ApplicationScoped
public class StaticFileCaching {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";
    static final String REVALIDATE = "no-cache";
    static final String NO_STORE = "no-store";

    private static final Pattern STAMPED_BUNDLE = Pattern.compile("/widget/[0-9a-f]{16}/[^/]+");
    private static final int PRIORITY = 100;

    void register(@Observes Filters filters) {
        filters.register(this::apply, PRIORITY);
    }

    private void apply(RoutingContext context) {
        String policy = policyFor(context.normalizedPath());
        if (policy != null) {
            // At the end: the static file handler sets its own default (a day, "immutable") when it answers.
            context.addHeadersEndHandler(ignored -> {
                int status = context.response().getStatusCode();
                // An error must not be kept: a bundle asked for before its deploy reached this instance would
                // otherwise stay missing for a year.
                boolean keepable = status < 300 || status == 304;
                context.response().headers().set(HttpHeaders.CACHE_CONTROL, keepable ? policy : NO_STORE);
            });
        }
        context.next();
    }

    static String policyFor(String path) {
        if (path == null) {
            return null;
        }
        if (STAMPED_BUNDLE.matcher(path).matches()) {
            return IMMUTABLE;
        }
        if (path.startsWith("/widget/")) {
            return SHORT;
        }
        if (path.startsWith("/console/") || path.equals("/console") || path.startsWith("/demo/")) {
            return REVALIDATE;
        }
        return null;
    }
}
