package io.chatsuite.routing.schedule;

import io.chatsuite.events.campaign.Schedule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a campaign attends at an instant. A range belongs to the date it starts on: one whose end is
 * at or before its start runs past midnight into the next day, and a dated exception replaces only the ranges
 * that start on its date. A campaign without a schedule, or without weekly ranges, attends around the clock
 * (its dated exceptions still apply).
 */
public final class OpeningHours {

    private static final Schedule.TimeRange ALL_DAY = new Schedule.TimeRange(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    private OpeningHours() {}

    public static boolean isOpen(Schedule schedule, Instant at) {
        if (schedule == null) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone(schedule.timezone()));
        LocalDate today = local.toLocalDate();
        LocalTime now = local.toLocalTime();
        for (Schedule.TimeRange r : rangesStartingOn(schedule, today)) {
            if (!now.isBefore(r.start()) && (crossesMidnight(r) || now.isBefore(r.end()))) {
                return true;
            }
        }
        for (Schedule.TimeRange r : rangesStartingOn(schedule, today.minusDays(1))) {
            if (crossesMidnight(r) && now.isBefore(r.end())) {
                return true;
            }
        }
        return false;
    }

    /** The zone of a schedule; an unreadable one falls back to UTC rather than closing the campaign. */
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

    private static List<Schedule.TimeRange> rangesStartingOn(Schedule schedule, LocalDate date) {
        Optional<Schedule.DateException> exception = schedule.exceptions().stream()
                .filter(e -> date.equals(e.date()))
                .findFirst();
        if (exception.isPresent()) {
            return exception.get().closed()
                    ? List.of()
                    : exception.get().ranges().stream()
                            .filter(OpeningHours::complete)
                            .toList();
        }
        if (schedule.weekly().isEmpty()) {
            return List.of(ALL_DAY);
        }
        return schedule.weekly().stream()
                .filter(w -> w.day() == date.getDayOfWeek() && w.start() != null && w.end() != null)
                .map(w -> new Schedule.TimeRange(w.start(), w.end()))
                .toList();
    }

    private static boolean complete(Schedule.TimeRange r) {
        return r.start() != null && r.end() != null;
    }

    // An end at or before the start runs to the next day (equal start and end is a full 24 hours).
    private static boolean crossesMidnight(Schedule.TimeRange r) {
        return !r.end().isAfter(r.start());
    }
}
