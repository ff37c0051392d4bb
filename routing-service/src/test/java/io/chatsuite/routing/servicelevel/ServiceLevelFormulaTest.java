package io.chatsuite.routing.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceLevelFormulaTest {

    // 10 offered: 6 answered within, 1 after, 1 short abandon, 1 abandon within, 1 abandon after threshold.
    final Counts counts = new Counts(10, 6, 1, 1, 1, 1);

    @Test
    void defaultFormulaCountsAnswersAndLateAbandons() {
        assertEquals(75.0, ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS.percent(counts)); // 6 / (7 + 1)
    }

    @Test
    void variantsTreatAbandonsAsTheIndustryDefinesThem() {
        assertEquals(85.7, ServiceLevelFormula.ANSWERED_ONLY.percent(counts)); // 6 / 7
        assertEquals(66.7, ServiceLevelFormula.ALL_ABANDONS.percent(counts)); // 6 / 9
        assertEquals(77.8, ServiceLevelFormula.EARLY_ABANDONS_AS_MET.percent(counts)); // 7 / 9
    }

    @Test
    void nothingToJudgeIsNoPercentageRatherThanZero() {
        assertNull(ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS.percent(Counts.ZERO));
        assertNull(ServiceLevelFormula.ALL_ABANDONS.percent(new Counts(1, 0, 0, 1, 0, 0)),
                "short abandons never count");
    }

    @Test
    void outcomesAreClassifiedByTheWaitAgainstTheThresholdAndTheShortAbandonTime() {
        Duration threshold = Duration.ofSeconds(20);
        Duration shortAbandon = Duration.ofSeconds(5);
        assertEquals(Outcome.ANSWERED_WITHIN, Outcome.answered(Duration.ofSeconds(20), threshold));
        assertEquals(Outcome.ANSWERED_AFTER, Outcome.answered(Duration.ofMillis(20_001), threshold));
        assertEquals(Outcome.ABANDONED_SHORT, Outcome.abandoned(Duration.ofSeconds(5), threshold, shortAbandon));
        assertEquals(Outcome.ABANDONED_WITHIN, Outcome.abandoned(Duration.ofSeconds(6), threshold, shortAbandon));
        assertEquals(Outcome.ABANDONED_AFTER, Outcome.abandoned(Duration.ofSeconds(21), threshold, shortAbandon));
    }

    @Test
    void intervalsAreQuarterHours() {
        assertEquals(Instant.parse("2026-11-25T10:15:00Z"), Intervals.start(Instant.parse("2026-11-25T10:29:59Z")));
        assertEquals(Instant.parse("2026-11-25T10:30:00Z"), Intervals.start(Instant.parse("2026-11-25T10:30:00Z")));
    }
}
