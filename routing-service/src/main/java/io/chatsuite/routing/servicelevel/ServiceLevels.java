package io.chatsuite.routing.servicelevel;

import io.chatsuite.events.campaign.ServiceLevelFormula;

/**
 * Turns a campaign's raw counts into a service-level percentage by one of the contract's formulas. Short abandons
 * (customers who left almost at once) count only in {@link ServiceLevelFormula#OFFERED}, which judges every
 * interaction that entered the queue.
 */
public final class ServiceLevels {

    private ServiceLevels() {}

    /** The percentage (0–100, one decimal), or null when nothing counts yet (no answer is not 0 %). */
    public static Double percent(ServiceLevelFormula formula, Counts c) {
        long answered = c.answeredWithin() + c.answeredAfter();
        long met;
        long total;
        switch (formula == null ? ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS : formula) {
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
            case OFFERED -> {
                met = c.answeredWithin();
                total = c.offered();
            }
            default -> throw new IllegalStateException("Unknown formula " + formula);
        }
        return total <= 0 ? null : Math.round(1000.0 * met / total) / 10.0;
    }
}
