package io.chatsuite.routing.servicelevel;

import io.chatsuite.events.campaign.CampaignUpserted;
import java.time.Duration;
import java.util.Optional;

/** What one interaction contributes to its interval's counts; each names the counter column it increments. */
public enum Outcome {
    OFFERED("offered"),
    ANSWERED_WITHIN("answered_within"),
    ANSWERED_AFTER("answered_after"),
    ABANDONED_SHORT("abandoned_short"),
    ABANDONED_WITHIN("abandoned_within"),
    ABANDONED_AFTER("abandoned_after");

    private final String column;

    Outcome(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** An answer after {@code waited}: within the threshold when it took no longer than the threshold. */
    public static Outcome answered(Duration waited, Duration threshold) {
        return waited.compareTo(threshold) <= 0 ? ANSWERED_WITHIN : ANSWERED_AFTER;
    }

    /** An abandon after {@code waited}: short first, then within or after the threshold (the three exclude each other). */
    public static Outcome abandoned(Duration waited, Duration threshold, Duration shortAbandon) {
        if (waited.compareTo(shortAbandon) <= 0) {
            return ABANDONED_SHORT;
        }
        return waited.compareTo(threshold) <= 0 ? ABANDONED_WITHIN : ABANDONED_AFTER;
    }

    /** The campaign's short-abandon time (from its snapshot); {@code fallback} while the campaign is unknown. */
    public static Duration shortAbandon(Optional<CampaignUpserted> campaign, Duration fallback) {
        return campaign.map(c -> Duration.ofSeconds(c.shortAbandonSeconds())).orElse(fallback);
    }
}
