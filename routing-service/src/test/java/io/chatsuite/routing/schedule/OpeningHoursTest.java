package io.chatsuite.routing.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.campaign.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    static final String MADRID = "Europe/Madrid";

    static Instant madrid(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(MADRID)).toInstant();
    }

    static Schedule.WeeklyRange range(DayOfWeek day, String start, String end) {
        return new Schedule.WeeklyRange(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    // 2026-11-23 is a Monday.
    final Schedule officeHours = new Schedule(
            MADRID,
            List.of(
                    range(DayOfWeek.MONDAY, "09:00", "14:00"),
                    range(DayOfWeek.MONDAY, "16:00", "19:00"),
                    range(DayOfWeek.FRIDAY, "22:00", "02:00")),
            List.of());

    @Test
    void openInsideARangeOfTheDayAndClosedBetweenRanges() {
        assertTrue(OpeningHours.isOpen(officeHours, madrid("2026-11-23T09:00")));
        assertTrue(OpeningHours.isOpen(officeHours, madrid("2026-11-23T13:59")));
        assertFalse(OpeningHours.isOpen(officeHours, madrid("2026-11-23T14:00")), "end is exclusive");
        assertFalse(OpeningHours.isOpen(officeHours, madrid("2026-11-23T15:00")));
        assertTrue(OpeningHours.isOpen(officeHours, madrid("2026-11-23T16:30")));
        assertFalse(OpeningHours.isOpen(officeHours, madrid("2026-11-24T10:00")), "no range on Tuesday");
    }

    @Test
    void judgedInTheCampaignsTimeZoneNotUtc() {
        // 08:30 UTC is 09:30 in Madrid in November.
        assertTrue(OpeningHours.isOpen(officeHours, Instant.parse("2026-11-23T08:30:00Z")));
        assertFalse(OpeningHours.isOpen(officeHours, Instant.parse("2026-11-23T07:30:00Z")));
    }

    @Test
    void aRangeEndingBeforeItStartsRunsPastMidnight() {
        assertTrue(OpeningHours.isOpen(officeHours, madrid("2026-11-27T23:00")));
        assertTrue(OpeningHours.isOpen(officeHours, madrid("2026-11-28T01:59")), "Saturday early hours");
        assertFalse(OpeningHours.isOpen(officeHours, madrid("2026-11-28T02:00")));
        assertFalse(OpeningHours.isOpen(officeHours, madrid("2026-11-27T21:59")));
    }

    @Test
    void aClosedExceptionClosesItsDateButNotTheNightRangeOfTheDayBefore() {
        Schedule withHolidays = new Schedule(
                MADRID,
                officeHours.weekly(),
                List.of(
                        new Schedule.DateException(LocalDate.parse("2026-11-23"), true, List.of()),
                        new Schedule.DateException(LocalDate.parse("2026-11-28"), true, List.of())));
        assertFalse(OpeningHours.isOpen(withHolidays, madrid("2026-11-23T10:00")));
        assertTrue(OpeningHours.isOpen(withHolidays, madrid("2026-11-28T01:00")), "the Friday range belongs to Friday");
        assertTrue(OpeningHours.isOpen(withHolidays, madrid("2026-11-30T10:00")), "next Monday is normal");
    }

    @Test
    void aSpecialRangesExceptionReplacesTheWeeklyRangesOfItsDate() {
        Schedule special = new Schedule(
                MADRID,
                officeHours.weekly(),
                List.of(new Schedule.DateException(
                        LocalDate.parse("2026-11-24"),
                        false,
                        List.of(new Schedule.TimeRange(LocalTime.parse("10:00"), LocalTime.parse("12:00"))))));
        assertTrue(OpeningHours.isOpen(special, madrid("2026-11-24T11:00")), "a Tuesday opened by exception");
        assertFalse(OpeningHours.isOpen(special, madrid("2026-11-24T12:30")));
    }

    @Test
    void noScheduleOrNoWeeklyRangesMeansAroundTheClock() {
        assertTrue(OpeningHours.isOpen(null, madrid("2026-11-24T03:00")));
        Schedule onlyHoliday = new Schedule(
                MADRID, List.of(), List.of(new Schedule.DateException(LocalDate.parse("2026-12-25"), true, List.of())));
        assertTrue(OpeningHours.isOpen(onlyHoliday, madrid("2026-11-24T03:00")));
        assertFalse(OpeningHours.isOpen(onlyHoliday, madrid("2026-12-25T12:00")));
    }

    @Test
    void equalStartAndEndIsAFullDay() {
        Schedule allMonday = new Schedule(MADRID, List.of(range(DayOfWeek.MONDAY, "00:00", "00:00")), List.of());
        assertTrue(OpeningHours.isOpen(allMonday, madrid("2026-11-23T00:00")));
        assertTrue(OpeningHours.isOpen(allMonday, madrid("2026-11-23T23:59")));
        assertFalse(OpeningHours.isOpen(allMonday, madrid("2026-11-24T00:00")));
    }

    @Test
    void anUnknownTimeZoneFallsBackToUtc() {
        Schedule utcNine = new Schedule("Mars/Olympus", List.of(range(DayOfWeek.MONDAY, "09:00", "10:00")), List.of());
        assertTrue(OpeningHours.isOpen(utcNine, Instant.parse("2026-11-23T09:30:00Z")));
    }
}
