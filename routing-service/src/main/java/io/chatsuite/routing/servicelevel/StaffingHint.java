package io.chatsuite.routing.servicelevel;

/**
 * Agents needed to meet a campaign's service-level target at the current load. Erlang C sizes the chat
 * <em>slots</em> (one slot serves one chat at a time); an agent holding up to {@code concurrency} chats is that
 * many slots, so agents = ⌈slots ÷ concurrency⌉. The handle time is measured per chat, so it already includes
 * the slowdown of handling several at once.
 *
 * @param agentsNeeded null when there is no basis yet (nothing arrived and nothing measured)
 * @param arrivalsLastHour interactions offered in the last 60 minutes (the arrival rate per hour), from the 15-minute
 *                         counters, the interval the hour starts in counted for its share inside the hour
 * @param averageHandleSeconds mean assigned → ended time of recent ended interactions, or the configured
 *                             default when none ended recently ({@code handleTimeMeasured} false)
 * @param erlangs offered traffic, arrivals per hour × handle time ÷ 3600
 * @param slotsNeeded Erlang C servers (chat slots) for the target
 * @param concurrency chats an agent holds at once on average (the members' mean capacity)
 */
public record StaffingHint(
        Integer agentsNeeded,
        long arrivalsLastHour,
        double averageHandleSeconds,
        boolean handleTimeMeasured,
        double erlangs,
        int slotsNeeded,
        double concurrency,
        int targetPercent,
        int thresholdSeconds) {

    /** The hint for the given load; {@code concurrency} below 1 counts as 1. */
    public static StaffingHint of(
            long arrivalsLastHour,
            double handleSeconds,
            boolean measured,
            double concurrency,
            int thresholdSeconds,
            int targetPercent) {
        double c = Math.max(1.0, concurrency);
        double erlangs = arrivalsLastHour * handleSeconds / 3600.0;
        int slots = ErlangC.serversNeeded(arrivalsLastHour, handleSeconds, thresholdSeconds, targetPercent / 100.0);
        int agents = (int) Math.ceil(slots / c);
        return new StaffingHint(
                agents,
                arrivalsLastHour,
                round(handleSeconds),
                measured,
                round(erlangs),
                slots,
                round(c),
                targetPercent,
                thresholdSeconds);
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
