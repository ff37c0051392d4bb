package io.chatsuite.routing.servicelevel;

import java.util.Collection;

/** Raw service-level counts of a campaign over some span of intervals. */
public record Counts(
        long offered,
        long answeredWithin,
        long answeredAfter,
        long abandonedShort,
        long abandonedWithin,
        long abandonedAfter) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(
                offered + o.offered,
                answeredWithin + o.answeredWithin,
                answeredAfter + o.answeredAfter,
                abandonedShort + o.abandonedShort,
                abandonedWithin + o.abandonedWithin,
                abandonedAfter + o.abandonedAfter);
    }

    public static Counts sum(Collection<Counts> all) {
        return all.stream().reduce(ZERO, Counts::plus);
    }
}
