package io.chatsuite.signaling.call.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.signaling.call.CallRole;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairingsTest {

    final Pairings<String> pairings = new Pairings<>();

    @Test
    void partiesFindEachOtherOnlyWithinTheirInteraction() {
        assertEquals(new Pairings.Joined<String>(null, null), pairings.join("i1", CallRole.CUSTOMER, "c1"));
        assertEquals(new Pairings.Joined<String>(null, null), pairings.join("i2", CallRole.AGENT, "a2"));
        assertEquals(new Pairings.Joined<>(null, "c1"), pairings.join("i1", CallRole.AGENT, "a1"));

        assertEquals(Optional.of("a1"), pairings.peerOf("i1", CallRole.CUSTOMER, "c1"));
        assertEquals(Optional.of("c1"), pairings.peerOf("i1", CallRole.AGENT, "a1"));
        assertEquals(Optional.empty(), pairings.peerOf("i2", CallRole.AGENT, "a2"));
    }

    @Test
    void newerConnectionReplacesTheOlderAndTheOlderLeavingChangesNothing() {
        pairings.join("i", CallRole.AGENT, "a");
        pairings.join("i", CallRole.CUSTOMER, "old");
        Pairings.Joined<String> joined = pairings.join("i", CallRole.CUSTOMER, "new");
        assertEquals("old", joined.replaced());
        assertEquals("a", joined.peer());

        assertEquals(Optional.empty(), pairings.peerOf("i", CallRole.CUSTOMER, "old"));
        assertEquals(Optional.empty(), pairings.leave("i", CallRole.CUSTOMER, "old"));
        assertEquals(Optional.of("new"), pairings.peerOf("i", CallRole.AGENT, "a"));
    }

    @Test
    void leavingTellsThePeerAndTheLastToLeaveForgetsTheCall() {
        pairings.join("i", CallRole.AGENT, "a");
        pairings.join("i", CallRole.CUSTOMER, "c");
        assertEquals(Optional.of("a"), pairings.leave("i", CallRole.CUSTOMER, "c"));
        assertEquals(1, pairings.activeCalls());
        assertEquals(Optional.empty(), pairings.leave("i", CallRole.AGENT, "a"));
        assertEquals(0, pairings.activeCalls());
    }

    @Test
    void removingACallReturnsItsConnections() {
        pairings.join("i", CallRole.AGENT, "a");
        pairings.join("i", CallRole.CUSTOMER, "c");
        assertEquals(List.of("c", "a"), pairings.removeAll("i"));
        assertTrue(pairings.removeAll("i").isEmpty());
        assertNull(pairings.join("i", CallRole.AGENT, "a").peer());
    }
}
