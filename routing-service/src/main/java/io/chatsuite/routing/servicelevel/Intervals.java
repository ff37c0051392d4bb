package io.chatsuite.routing.servicelevel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** Service levels are kept per 15-minute interval, aligned on the UTC quarter hour (aligned in every time zone). */
public final class Intervals {

    public static final Duration LENGTH = Duration.ofMinutes(15);

    private Intervals() {}

    public static Instant start(Instant at) {
        long seconds = LENGTH.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    /**
     * Interactions offered in the {@code window} before {@code now}, from the intervals' counters: an interval
     * wholly inside the window counts whole (the current one too: it holds nothing later than now), the one the
     * window starts in counts for the share of it inside the window (arrivals taken as even within it).
     */
    public static double offeredWithin(Collection<CampaignIntervalCounts> intervals, Instant now, Duration window) {
        Instant from = now.minus(window);
        double offered = 0;
        for (CampaignIntervalCounts i : intervals) {
            Instant end = i.start().plus(LENGTH);
            if (!end.isAfter(from) || i.start().isAfter(now)) {
                continue;
            }
            double share = i.start().isBefore(from)
                    ? (double) Duration.between(from, end).toMillis() / LENGTH.toMillis()
                    : 1.0;
            offered += i.counts().offered() * share;
        }
        return offered;
    }
}
