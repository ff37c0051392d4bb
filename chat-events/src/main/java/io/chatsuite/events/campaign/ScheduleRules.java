package io.chatsuite.events.campaign;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one definition of "is a campaign open at instant T, and when does that next change", shared by every
 * service that receives campaign snapshots.
 *
 * <p>Rules: ranges are local times in the schedule's IANA zone. A range belongs to the date it starts on; one
 * whose end is at or before its start runs past midnight into the next day (equal start and end is a full 24
 * hours). A dated exception replaces the weekly ranges that start on its date: closed all day, or only its own
 * ranges; a range of the previous day that runs past midnight still applies. A campaign without a schedule, or
 * whose schedule has no weekly ranges, attends around the clock on every date without an exception. Local times
 * that do not exist (the hour skipped when clocks go forward) move forward; repeated ones (clocks go back) count
 * from their first occurrence.
 */
public final class ScheduleRules {

    /** How far ahead {@link #nextChange} looks: long enough for any exception list a campaign may hold. */
    static final int HORIZON_DAYS = 400;

    private static final Schedule.TimeRange ALL_DAY = new Schedule.TimeRange(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    private ScheduleRules() {}

    /** An open period, start inclusive, end exclusive. */
    public record Interval(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    public static boolean isOpen(Schedule schedule, Instant at) {
        if (schedule == null) {
            return true;
        }
        ZoneId zone = zone(schedule.timezone());
        LocalDate today = at.atZone(zone).toLocalDate();
        return intervals(schedule, zone, today.minusDays(1), today.plusDays(1)).stream()
                .anyMatch(i -> i.contains(at));
    }

    /**
     * When the campaign next opens (if closed at {@code at}) or closes (if open); empty when that does not
     * happen within {@value #HORIZON_DAYS} days (always open, or closed for good).
     */
    public static Optional<Instant> nextChange(Schedule schedule, Instant at) {
        if (schedule == null) {
            return Optional.empty();
        }
        ZoneId zone = zone(schedule.timezone());
        LocalDate today = at.atZone(zone).toLocalDate();
        Instant horizon = today.plusDays(HORIZON_DAYS).atStartOfDay(zone).toInstant();
        Instant cursor = at;
        boolean open = isOpen(schedule, at);
        // Walk merged intervals: an open campaign closes at the end of its merged interval, a closed one opens at
        // the next start.
        List<Interval> merged = merge(intervals(schedule, zone, today.minusDays(1), today.plusDays(HORIZON_DAYS)));
        for (Interval i : merged) {
            if (open && i.contains(cursor)) {
                return i.end().isBefore(horizon) ? Optional.of(i.end()) : Optional.empty();
            }
            if (!open && i.start().isAfter(cursor)) {
                return Optional.of(i.start());
            }
        }
        return Optional.empty();
    }

    /** The zone of a schedule; an unreadable one counts as UTC rather than closing the campaign. */
    public static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** True when {@code timezone} names an IANA zone (for validation). */
    public static boolean isValidZone(String timezone) {
        try {
            return timezone != null && ZoneId.getAvailableZoneIds().contains(timezone) && ZoneId.of(timezone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static List<Interval> intervals(Schedule schedule, ZoneId zone, LocalDate from, LocalDate to) {
        List<Interval> result = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (Schedule.TimeRange r : rangesStartingOn(schedule, date)) {
                Instant start = ZonedDateTime.of(date, r.start(), zone).toInstant();
                LocalDate endDate = r.end().isAfter(r.start()) ? date : date.plusDays(1);
                Instant end = ZonedDateTime.of(endDate, r.end(), zone).toInstant();
                if (end.isAfter(start)) {
                    result.add(new Interval(start, end));
                }
            }
        }
        return result;
    }

    private static List<Interval> merge(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !i.start().isAfter(last.end())) {
                merged.set(
                        merged.size() - 1,
                        new Interval(last.start(), i.end().isAfter(last.end()) ? i.end() : last.end()));
            } else {
                merged.add(i);
            }
        }
        return merged;
    }

    private static List<Schedule.TimeRange> rangesStartingOn(Schedule schedule, LocalDate date) {
        for (Schedule.DateException e : schedule.exceptions()) {
            if (date.equals(e.date())) {
                return e.closed()
                        ? List.of()
                        : e.ranges().stream()
                                .filter(r -> r.start() != null && r.end() != null)
                                .toList();
            }
        }
        if (schedule.weekly().isEmpty()) {
            return List.of(ALL_DAY);
        }
        return schedule.weekly().stream()
                .filter(w -> w.day() == date.getDayOfWeek() && w.start() != null && w.end() != null)
                .map(w -> new Schedule.TimeRange(w.start(), w.end()))
                .toList();
    }
}
