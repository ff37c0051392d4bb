package io.chatsuite.local.run;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The edge's route table: which service answers which path prefix. It is the single definition the local edge
 * uses, the README documents and the Kubernetes ingress of the Helm chart mirrors ({@code ./chat routes} prints
 * it). Matching follows the ingress {@code pathType: Prefix} rule: a prefix matches whole path segments, and the
 * longest matching prefix wins.
 */
public final class EdgeRoutes {

    /** Requests whose path starts with {@code pathPrefix} (segment-wise) go to {@code service}. */
    public record Route(String pathPrefix, String service) {
        public Route {
            if (!pathPrefix.startsWith("/") || (pathPrefix.length() > 1 && pathPrefix.endsWith("/"))) {
                throw new IllegalArgumentException("A prefix starts with / and does not end with one: " + pathPrefix);
            }
        }

        public boolean matches(String path) {
            return pathPrefix.equals("/") || path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
        }
    }

    /** The suite's routes; everything not listed (customer and agent sockets, widget, console, demo page) is the gateway's. */
    public static final List<Route> TABLE = List.of(
            new Route("/api/campaigns", SuiteService.CAMPAIGN.name()),
            new Route("/api/agent-profiles", SuiteService.CAMPAIGN.name()),
            new Route("/api/routing", SuiteService.ROUTING.name()),
            new Route("/api/recordings", SuiteService.OFFLINE.name()),
            new Route("/api/calls", SuiteService.SIGNALING.name()),
            new Route("/ws/call", SuiteService.SIGNALING.name()),
            new Route("/", SuiteService.GATEWAY.name()));

    private EdgeRoutes() {}

    /** The route of {@code path} (without query string) in {@code table}: the longest matching prefix. */
    public static Optional<Route> resolve(List<Route> table, String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        return table.stream()
                .filter(r -> r.matches(p))
                .max(Comparator.comparingInt(r -> r.pathPrefix().length()));
    }

    /** The table as the Markdown the README shows (prefix, service, port). */
    public static String markdown(List<Route> table) {
        StringBuilder md = new StringBuilder("| path prefix | service | port |\n|---|---|---|\n");
        for (Route r : table) {
            md.append("| `")
                    .append(r.pathPrefix())
                    .append("` | ")
                    .append(r.service())
                    .append(" | ")
                    .append(SuiteService.named(r.service()).defaultPort())
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The table as Kubernetes ingress paths, the shape the Helm chart's ingress template mirrors. */
    public static String ingressPaths(List<Route> table) {
        StringBuilder yaml = new StringBuilder("paths:\n");
        for (Route r : table) {
            yaml.append("  - path: ")
                    .append(r.pathPrefix())
                    .append("\n")
                    .append("    pathType: Prefix\n")
                    .append("    backend:\n")
                    .append("      service:\n")
                    .append("        name: ")
                    .append(r.service())
                    .append("\n")
                    .append("        port:\n")
                    .append("          number: ")
                    .append(SuiteService.named(r.service()).defaultPort())
                    .append("\n");
        }
        return yaml.toString();
    }
}
