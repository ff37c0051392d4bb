package io.chatsuite.events.servicelevel;

import java.time.Instant;

/**
 * Raw counts of one campaign over a period (a 15-minute interval, the last hour, the day). Percentages are
 * computed from these when read, by the campaign's formula.
 */
public record IntervalCounts(
        Instant from,
        Instant to,
        long offered,
        long answeredWithin,
        long answeredAfter,
        long abandonedShort,
        long abandonedWithin,
        long abandonedAfter) {}
