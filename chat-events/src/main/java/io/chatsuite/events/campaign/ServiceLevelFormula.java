package io.chatsuite.events.campaign;

/**
 * The industry's ways of turning a campaign's raw counts into a service-level percentage. Short abandons
 * (customers who left almost at once) count in none of them except {@link #OFFERED}.
 */
public enum ServiceLevelFormula {
    /** Answered within threshold ÷ (answered + abandoned after threshold): the suite's default. */
    ANSWERED_PLUS_LATE_ABANDONS,
    /** Answered within threshold ÷ answered: abandons are ignored. */
    ANSWERED_ONLY,
    /** Answered within threshold ÷ (answered + every abandon that was not short). */
    ALL_ABANDONS,
    /** (Answered within + abandoned within threshold) ÷ (answered + every abandon that was not short). */
    EARLY_ABANDONS_AS_MET,
    /** Answered within threshold ÷ every interaction offered to the queue, short abandons included. */
    OFFERED
}
