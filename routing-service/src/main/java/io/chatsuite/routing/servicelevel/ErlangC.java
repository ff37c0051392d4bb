package io.chatsuite.routing.servicelevel;

/**
 * Erlang C: how many servers a queue needs so that a share of arrivals waits no longer than a threshold, for
 * Poisson arrivals and exponential handle times. Computed with the Erlang B recursion, which never overflows.
 */
public final class ErlangC {

    /** More servers than this are not searched for: the hint then says "more than this". */
    public static final int MAX_SERVERS = 10_000;

    private ErlangC() {}

    /** Probability that an arrival waits at all, with {@code servers} servers and {@code erlangs} of traffic. */
    public static double probabilityOfWaiting(int servers, double erlangs) {
        if (erlangs <= 0) {
            return 0;
        }
        if (servers <= erlangs) {
            return 1; // an unstable queue: everyone waits, and ever longer
        }
        double b = 1; // Erlang B with 0 servers
        for (int n = 1; n <= servers; n++) {
            b = erlangs * b / (n + erlangs * b);
        }
        return servers * b / (servers - erlangs * (1 - b));
    }

    /** Share (0–1) of arrivals answered within {@code thresholdSeconds}. */
    public static double serviceLevel(int servers, double erlangs, double handleSeconds, double thresholdSeconds) {
        if (erlangs <= 0) {
            return 1;
        }
        if (servers <= erlangs) {
            return 0;
        }
        double waits = probabilityOfWaiting(servers, erlangs);
        return 1 - waits * Math.exp(-(servers - erlangs) * thresholdSeconds / handleSeconds);
    }

    /**
     * The fewest servers that answer {@code target} (0–1) of arrivals within the threshold: 0 when nothing
     * arrives, {@link #MAX_SERVERS} + 1 when even that many would not do.
     */
    public static int serversNeeded(
            double arrivalsPerHour, double handleSeconds, double thresholdSeconds, double target) {
        double erlangs = arrivalsPerHour * handleSeconds / 3600.0;
        if (erlangs <= 0) {
            return 0;
        }
        for (int n = Math.max(1, (int) Math.floor(erlangs) + 1); n <= MAX_SERVERS; n++) {
            if (serviceLevel(n, erlangs, handleSeconds, thresholdSeconds) >= target) {
                return n;
            }
        }
        return MAX_SERVERS + 1;
    }
}
