package io.chatsuite.events.campaign;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * When a campaign attends: an IANA time zone, weekly ranges (an {@code end} at or before {@code start} crosses
 * midnight) and dated exceptions that replace the weekly ranges of their date.
 */
public record Schedule(String timezone, List<WeeklyRange> weekly, List<DateException> exceptions) {

    public Schedule {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    public record WeeklyRange(DayOfWeek day, LocalTime start, LocalTime end) {}

    public record TimeRange(LocalTime start, LocalTime end) {}

    /** A date that is closed all day ({@code closed}) or open only in {@code ranges}. */
    public record DateException(LocalDate date, boolean closed, List<TimeRange> ranges) {
        public DateException {
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
        }
    }
}
