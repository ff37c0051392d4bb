package io.chatsuite.routing.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chatsuite.events.campaign.ServiceLevelFormula;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each of the contract's formulas against counts worked out by hand. */
class ServiceLevelsTest {

    // 20 offered: 10 answered within the threshold, 2 after it, 3 short abandons, 3 abandons within the
    // threshold, 2 abandons after it. 10 + 2 + 3 + 3 + 2 = 20.
    final Counts counts = new Counts(20, 10, 2, 3, 3, 2);

    @Test
    void defaultFormulaIsAnsweredWithinOverAnsweredPlusLateAbandons() {
        // 10 / (10 + 2 + 2) = 10 / 14 = 0.714285… → 71.4
        assertEquals(71.4, ServiceLevels.percent(ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS, counts));
        assertEquals(71.4, ServiceLevels.percent(null, counts), "no formula means the default");
    }

    @Test
    void answeredOnlyIgnoresEveryAbandon() {
        // 10 / (10 + 2) = 0.8333… → 83.3
        assertEquals(83.3, ServiceLevels.percent(ServiceLevelFormula.ANSWERED_ONLY, counts));
    }

    @Test
    void allAbandonsCountsEveryAbandonThatWasNotShortAgainst() {
        // 10 / (10 + 2 + 3 + 2) = 10 / 17 = 0.588235… → 58.8
        assertEquals(58.8, ServiceLevels.percent(ServiceLevelFormula.ALL_ABANDONS, counts));
    }

    @Test
    void earlyAbandonsAsMetCountsAbandonsWithinTheThresholdAsMet() {
        // (10 + 3) / (10 + 2 + 3 + 2) = 13 / 17 = 0.764705… → 76.5
        assertEquals(76.5, ServiceLevels.percent(ServiceLevelFormula.EARLY_ABANDONS_AS_MET, counts));
    }

    @Test
    void offeredJudgesEveryInteractionThatEnteredTheQueueShortAbandonsIncluded() {
        // 10 / 20 = 0.5 → 50.0
        assertEquals(50.0, ServiceLevels.percent(ServiceLevelFormula.OFFERED, counts));
    }

    @Test
    void nothingToJudgeIsNoPercentageRatherThanZero() {
        for (ServiceLevelFormula f : ServiceLevelFormula.values()) {
            assertNull(ServiceLevels.percent(f, Counts.ZERO), f.name());
        }
        // Only a short abandon: 0 / 0 in every formula but OFFERED, where it is 0 / 1 = 0 %.
        Counts onlyShort = new Counts(1, 0, 0, 1, 0, 0);
        assertNull(ServiceLevels.percent(ServiceLevelFormula.ALL_ABANDONS, onlyShort));
        assertEquals(0.0, ServiceLevels.percent(ServiceLevelFormula.OFFERED, onlyShort));
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
