package io.chatsuite.routing.servicelevel;

import java.time.Duration;
import java.time.Instant;

/** Service levels are kept per 15-minute interval, aligned on the UTC quarter hour (aligned in every time zone). */
public final class Intervals {

    public static final Duration LENGTH = Duration.ofMinutes(15);

    private Intervals() {
    }

    public static Instant start(Instant at) {
        long seconds = LENGTH.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }
}
