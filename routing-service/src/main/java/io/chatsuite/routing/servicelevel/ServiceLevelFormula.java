package io.chatsuite.routing.servicelevel;

/**
 * The industry's ways of turning raw counts into a service-level percentage. Short abandons (customers who left
 * almost at once) never count, in any formula.
 */
public enum ServiceLevelFormula {
    /** Answered within threshold ÷ (answered + abandoned after threshold): the suite's default. */
    ANSWERED_PLUS_LATE_ABANDONS,
    /** Answered within threshold ÷ answered: abandons are ignored. */
    ANSWERED_ONLY,
    /** Answered within threshold ÷ (answered + every abandon that was not short). */
    ALL_ABANDONS,
    /** (Answered within + abandoned within threshold) ÷ (answered + every abandon that was not short). */
    EARLY_ABANDONS_AS_MET;

    /** The percentage (0–100, one decimal) or null when nothing counts yet. */
    public Double percent(Counts c) {
        long answered = c.answeredWithin() + c.answeredAfter();
        long met;
        long total;
        switch (this) {
            case ANSWERED_PLUS_LATE_ABANDONS -> {
                met = c.answeredWithin();
                total = answered + c.abandonedAfter();
            }
            case ANSWERED_ONLY -> {
                met = c.answeredWithin();
                total = answered;
            }
            case ALL_ABANDONS -> {
                met = c.answeredWithin();
                total = answered + c.abandonedWithin() + c.abandonedAfter();
            }
            case EARLY_ABANDONS_AS_MET -> {
                met = c.answeredWithin() + c.abandonedWithin();
                total = answered + c.abandonedWithin() + c.abandonedAfter();
            }
            default -> throw new IllegalStateException(name());
        }
        return total == 0 ? null : Math.round(1000.0 * met / total) / 10.0;
    }
}
