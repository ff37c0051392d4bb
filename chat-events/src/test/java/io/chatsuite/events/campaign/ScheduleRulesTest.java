package io.chatsuite.events.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleRulesTest {

    static final String MADRID = "Europe/Madrid";

    static Instant at(String zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    static Schedule.WeeklyRange range(DayOfWeek day, String start, String end) {
        return new Schedule.WeeklyRange(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    static Schedule weekdays9to18() {
        return new Schedule(
                MADRID,
                List.of(DayOfWeek.values()).stream()
                        .filter(d -> d.getValue() <= 5)
                        .map(d -> range(d, "09:00", "18:00"))
                        .toList(),
                List.of());
    }

    @Nested
    class WeeklyRanges {
        // 2026-11-23 is a Monday.
        @ParameterizedTest
        @CsvSource({
            "2026-11-23T08:59:59, false",
            "2026-11-23T09:00:00, true",
            "2026-11-23T17:59:59, true",
            "2026-11-23T18:00:00, false",
            "2026-11-28T12:00:00, false",
            "2026-11-29T12:00:00, false",
            "2026-11-27T12:00:00, true"
        })
        void openOnlyInsideARangeStartInclusiveEndExclusive(String local, boolean open) {
            assertEquals(open, ScheduleRules.isOpen(weekdays9to18(), at(MADRID, local)));
        }

        @Test
        void severalRangesPerDayLeaveTheGapClosed() {
            Schedule s = new Schedule(
                    MADRID,
                    List.of(range(DayOfWeek.MONDAY, "09:00", "13:00"), range(DayOfWeek.MONDAY, "15:00", "19:00")),
                    List.of());
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-11-23T12:59:00")));
            assertFalse(ScheduleRules.isOpen(s, at(MADRID, "2026-11-23T14:00:00")));
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-11-23T15:00:00")));
            assertEquals(
                    Optional.of(at(MADRID, "2026-11-23T15:00:00")),
                    ScheduleRules.nextChange(s, at(MADRID, "2026-11-23T14:00:00")));
        }

        @Test
        void theZoneOfTheScheduleDecidesNotUtc() {
            Schedule s =
                    new Schedule("America/Sao_Paulo", List.of(range(DayOfWeek.MONDAY, "09:00", "18:00")), List.of());
            assertTrue(ScheduleRules.isOpen(s, Instant.parse("2026-11-23T12:30:00Z"))); // 09:30 in São Paulo
            assertFalse(ScheduleRules.isOpen(s, Instant.parse("2026-11-23T11:30:00Z"))); // 08:30 there
        }
    }

    @Nested
    class Midnight {
        final Schedule fridayNight =
                new Schedule(MADRID, List.of(range(DayOfWeek.FRIDAY, "22:00", "02:00")), List.of());

        @Test
        void aRangeEndingBeforeItsStartRunsIntoTheNextDay() {
            assertTrue(ScheduleRules.isOpen(fridayNight, at(MADRID, "2026-11-27T23:30:00")));
            assertTrue(ScheduleRules.isOpen(fridayNight, at(MADRID, "2026-11-28T01:59:59")));
            assertFalse(ScheduleRules.isOpen(fridayNight, at(MADRID, "2026-11-28T02:00:00")));
            assertFalse(ScheduleRules.isOpen(fridayNight, at(MADRID, "2026-11-27T01:00:00")));
        }

        @Test
        void closingAfterMidnightIsTheNextChange() {
            assertEquals(
                    Optional.of(at(MADRID, "2026-11-28T02:00:00")),
                    ScheduleRules.nextChange(fridayNight, at(MADRID, "2026-11-27T23:00:00")));
        }

        @Test
        void equalStartAndEndIsAWholeDayAndConsecutiveRangesMerge() {
            Schedule s = new Schedule(
                    MADRID,
                    List.of(range(DayOfWeek.MONDAY, "00:00", "00:00"), range(DayOfWeek.TUESDAY, "00:00", "12:00")),
                    List.of());
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-11-23T23:59:00")));
            assertEquals(
                    Optional.of(at(MADRID, "2026-11-24T12:00:00")),
                    ScheduleRules.nextChange(s, at(MADRID, "2026-11-23T08:00:00")));
        }
    }

    @Nested
    class Exceptions {
        @Test
        void aClosedDateClosesTheWholeDay() {
            Schedule s = new Schedule(
                    MADRID,
                    weekdays9to18().weekly(),
                    List.of(new Schedule.DateException(LocalDate.parse("2026-12-25"), true, List.of())));
            assertFalse(ScheduleRules.isOpen(s, at(MADRID, "2026-12-25T10:00:00")));
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-12-24T10:00:00")));
            assertEquals(
                    Optional.of(at(MADRID, "2026-12-28T09:00:00")),
                    ScheduleRules.nextChange(s, at(MADRID, "2026-12-24T19:00:00")));
        }

        @Test
        void specialRangesReplaceTheWeeklyOnesOfTheirDate() {
            Schedule s = new Schedule(
                    MADRID,
                    weekdays9to18().weekly(),
                    List.of(new Schedule.DateException(
                            LocalDate.parse("2026-12-24"),
                            false,
                            List.of(new Schedule.TimeRange(LocalTime.parse("10:00"), LocalTime.parse("14:00"))))));
            assertFalse(ScheduleRules.isOpen(s, at(MADRID, "2026-12-24T09:30:00")));
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-12-24T13:00:00")));
            assertFalse(ScheduleRules.isOpen(s, at(MADRID, "2026-12-24T15:00:00")));
        }

        @Test
        void aSpecialOpeningOnAWeekendDay() {
            Schedule s = new Schedule(
                    MADRID,
                    weekdays9to18().weekly(),
                    List.of(new Schedule.DateException(
                            LocalDate.parse("2026-11-28"),
                            false,
                            List.of(new Schedule.TimeRange(LocalTime.parse("10:00"), LocalTime.parse("12:00"))))));
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-11-28T11:00:00")));
            assertEquals(
                    Optional.of(at(MADRID, "2026-11-28T10:00:00")),
                    ScheduleRules.nextChange(s, at(MADRID, "2026-11-27T20:00:00")));
        }

        @Test
        void thePreviousNightStillRunsIntoAClosedDate() {
            Schedule s = new Schedule(
                    MADRID,
                    List.of(range(DayOfWeek.THURSDAY, "22:00", "02:00")),
                    List.of(new Schedule.DateException(LocalDate.parse("2026-11-27"), true, List.of())));
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-11-27T01:00:00")));
        }
    }

    @Nested
    class DaylightSaving {
        // Europe/Madrid: clocks go forward 2026-03-29 02:00 → 03:00 and back 2026-10-25 03:00 → 02:00.
        @Test
        void rangesFollowLocalTimeAcrossTheSpringChange() {
            Schedule s = new Schedule(MADRID, List.of(range(DayOfWeek.SUNDAY, "01:00", "04:00")), List.of());
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-03-29T01:30:00")));
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-03-29T03:30:00")));
            assertFalse(ScheduleRules.isOpen(s, at(MADRID, "2026-03-29T04:00:00")));
            // Three local hours, two real ones.
            assertEquals(
                    Optional.of(Instant.parse("2026-03-29T02:00:00Z")),
                    ScheduleRules.nextChange(s, Instant.parse("2026-03-29T00:30:00Z")));
        }

        @Test
        void aRangeInsideTheSkippedHourIsNeverOpen() {
            Schedule s = new Schedule(MADRID, List.of(range(DayOfWeek.SUNDAY, "02:00", "03:00")), List.of());
            assertFalse(ScheduleRules.isOpen(s, Instant.parse("2026-03-29T01:00:00Z")));
        }

        @Test
        void theRepeatedAutumnHourIsOpenBothTimes() {
            Schedule s = new Schedule(MADRID, List.of(range(DayOfWeek.SUNDAY, "02:00", "03:00")), List.of());
            assertTrue(ScheduleRules.isOpen(s, Instant.parse("2026-10-25T00:30:00Z"))); // 02:30 CEST
            assertTrue(ScheduleRules.isOpen(s, Instant.parse("2026-10-25T01:30:00Z"))); // 02:30 CET
            assertFalse(ScheduleRules.isOpen(s, Instant.parse("2026-10-25T02:00:00Z"))); // 03:00 CET
        }

        @Test
        void nineToSixIsNineToSixLocalOnBothSidesOfTheChange() {
            Schedule daily = new Schedule(
                    MADRID,
                    List.of(DayOfWeek.values()).stream()
                            .map(d -> range(d, "09:00", "18:00"))
                            .toList(),
                    List.of());
            assertTrue(ScheduleRules.isOpen(daily, Instant.parse("2026-10-24T07:30:00Z"))); // 09:30 CEST
            assertFalse(ScheduleRules.isOpen(daily, Instant.parse("2026-10-26T07:30:00Z"))); // 08:30 CET
            assertTrue(ScheduleRules.isOpen(daily, Instant.parse("2026-10-26T08:30:00Z"))); // 09:30 CET
        }
    }

    @Nested
    class EmptyOrMissing {
        @Test
        void noScheduleMeansAlwaysOpenWithNoChange() {
            assertTrue(ScheduleRules.isOpen(null, Instant.now()));
            assertEquals(Optional.empty(), ScheduleRules.nextChange(null, Instant.now()));
        }

        @Test
        void noWeeklyRangesMeansAroundTheClockExceptOnClosedDates() {
            Schedule s = new Schedule(
                    MADRID,
                    List.of(),
                    List.of(new Schedule.DateException(LocalDate.parse("2026-12-25"), true, List.of())));
            assertTrue(ScheduleRules.isOpen(s, at(MADRID, "2026-11-25T03:00:00")));
            assertFalse(ScheduleRules.isOpen(s, at(MADRID, "2026-12-25T12:00:00")));
            assertEquals(
                    Optional.of(at(MADRID, "2026-12-25T00:00:00")),
                    ScheduleRules.nextChange(s, at(MADRID, "2026-12-20T12:00:00")));
        }

        @Test
        void aScheduleThatNeverOpensHasNoNextChange() {
            Schedule s = new Schedule(
                    MADRID, List.of(range(DayOfWeek.MONDAY, "09:00", "09:00")).subList(0, 0), List.of());
            assertTrue(ScheduleRules.isOpen(s, Instant.now()));
            Schedule closedEveryDay =
                    new Schedule(MADRID, List.of(range(DayOfWeek.MONDAY, "02:00", "03:00")), List.of());
            assertTrue(ScheduleRules.nextChange(closedEveryDay, at(MADRID, "2026-11-24T10:00:00"))
                    .isPresent());
        }

        @Test
        void anUnknownZoneCountsAsUtcAndIsReportedInvalid() {
            Schedule s = new Schedule("Mars/Olympus", List.of(range(DayOfWeek.MONDAY, "09:00", "18:00")), List.of());
            assertTrue(ScheduleRules.isOpen(s, Instant.parse("2026-11-23T09:30:00Z")));
            assertFalse(ScheduleRules.isValidZone("Mars/Olympus"));
            assertTrue(ScheduleRules.isValidZone(MADRID));
        }
    }
}
