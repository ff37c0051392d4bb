package io.chatsuite.routing.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Erlang C against the textbook case: 200 contacts an hour (100 per half hour), 180 s average handle time,
 * target 80 % answered within 20 s. Traffic A = 200 × 180 ÷ 3600 = 10 Erlangs.
 */
class ErlangCTest {

    static final double ARRIVALS_PER_HOUR = 200;
    static final double AHT = 180;

    @Test
    void probabilityOfWaitingMatchesTheClosedForm() {
        // Pw(N=13, A=10) = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A))
        //   A^13/13! = 1e13 / 6227020800 = 1605.904; × 13/3 = 6958.92
        //   Σ_{k=0..12} 10^k/k! = 17435.19
        //   Pw = 6958.92 / (17435.19 + 6958.92) = 0.28527
        assertEquals(0.28527, ErlangC.probabilityOfWaiting(13, 10), 1e-5);
        assertEquals(0.17413, ErlangC.probabilityOfWaiting(14, 10), 1e-5);
    }

    @Test
    void serviceLevelOfEachStaffingMatchesTheTextbookTable() {
        // SL(N) = 1 − Pw · e^(−(N−A)·T/AHT)
        // N=13: 1 − 0.28527 · e^(−3·20/180) = 1 − 0.28527 · 0.71653 = 0.79560
        assertEquals(0.7956, ErlangC.serviceLevel(13, 10, AHT, 20), 1e-4);
        // N=14: 1 − 0.17413 · e^(−4·20/180) = 1 − 0.17413 · 0.64118 = 0.88835
        assertEquals(0.8884, ErlangC.serviceLevel(14, 10, AHT, 20), 1e-4);
    }

    @Test
    void eightyTwentyNeedsFourteenServersBecauseThirteenReachOnly79Point6Percent() {
        assertEquals(14, ErlangC.serversNeeded(ARRIVALS_PER_HOUR, AHT, 20, 0.80));
        // A laxer target is met by 13 (79.56 % ≥ 75 %), a stricter one (90 %) needs 15.
        assertEquals(13, ErlangC.serversNeeded(ARRIVALS_PER_HOUR, AHT, 20, 0.75));
        assertEquals(15, ErlangC.serversNeeded(ARRIVALS_PER_HOUR, AHT, 20, 0.90));
    }

    @Test
    void noTrafficNeedsNobody() {
        assertEquals(0, ErlangC.serversNeeded(0, AHT, 20, 0.8));
    }

    @Test
    void agentsHoldingSeveralChatsAreThatManyServers() {
        // 14 slots; agents holding 3 chats each: ⌈14 ÷ 3⌉ = 5 agents.
        StaffingHint hint = StaffingHint.of(200, AHT, true, 3, 20, 80);
        assertEquals(10.0, hint.erlangs());
        assertEquals(14, hint.slotsNeeded());
        assertEquals(5, hint.agentsNeeded());
        // A capacity below one chat is treated as one.
        assertEquals(14, StaffingHint.of(200, AHT, true, 0, 20, 80).agentsNeeded());
    }

    @Test
    void largeLoadsDoNotOverflow() {
        // 20,000 contacts an hour of 300 s: A = 1666.7 Erlangs; needs a little more than A.
        int n = ErlangC.serversNeeded(20_000, 300, 20, 0.8);
        assertEquals(true, n > 1667 && n < 1750, "servers " + n);
    }
}
