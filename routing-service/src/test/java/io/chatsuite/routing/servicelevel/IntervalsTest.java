package io.chatsuite.routing.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interval alignment and the arrivals of the last hour as the staffing hint reads them from the counters. */
class IntervalsTest {

    static final Duration HOUR = Duration.ofHours(1);

    static CampaignIntervalCounts offered(String start, long n) {
        return new CampaignIntervalCounts("c", Instant.parse(start), new Counts(n, 0, 0, 0, 0, 0));
    }

    @Test
    void intervalsStartOnTheQuarterHour() {
        assertEquals(Instant.parse("2026-11-25T10:15:00Z"), Intervals.start(Instant.parse("2026-11-25T10:29:59Z")));
        assertEquals(Instant.parse("2026-11-25T10:30:00Z"), Intervals.start(Instant.parse("2026-11-25T10:30:00Z")));
    }

    @Test
    void theIntervalTheHourStartsInCountsForItsShareInsideTheHour() {
        // Now 10:20: the hour is 09:20–10:20. 09:15–09:30 has 10 of its 15 minutes inside (2/3 of 30 = 20);
        // 09:30, 09:45 and 10:00 count whole, and so does the current 10:15 (nothing in it is later than now).
        // 09:00 ended before the hour and 10:30 has not begun.
        List<CampaignIntervalCounts> intervals = List.of(
                offered("2026-11-25T09:00:00Z", 99),
                offered("2026-11-25T09:15:00Z", 30),
                offered("2026-11-25T09:30:00Z", 12),
                offered("2026-11-25T09:45:00Z", 8),
                offered("2026-11-25T10:00:00Z", 4),
                offered("2026-11-25T10:15:00Z", 1),
                offered("2026-11-25T10:30:00Z", 50));
        assertEquals(
                20 + 12 + 8 + 4 + 1,
                Intervals.offeredWithin(intervals, Instant.parse("2026-11-25T10:20:00Z"), HOUR),
                1e-9);
    }

    @Test
    void onTheQuarterHourTheHourIsFourWholeIntervals() {
        List<CampaignIntervalCounts> intervals = List.of(
                offered("2026-11-25T09:00:00Z", 5),
                offered("2026-11-25T09:15:00Z", 6),
                offered("2026-11-25T09:30:00Z", 7),
                offered("2026-11-25T09:45:00Z", 8),
                offered("2026-11-25T10:00:00Z", 0));
        // Now 10:00: the hour is 09:00–10:00; the 10:00 interval has only just begun.
        assertEquals(26, Intervals.offeredWithin(intervals, Instant.parse("2026-11-25T10:00:00Z"), HOUR), 1e-9);
    }

    @Test
    void noIntervalsNoArrivals() {
        assertEquals(0, Intervals.offeredWithin(List.of(), Instant.parse("2026-11-25T10:00:00Z"), HOUR));
    }
}
