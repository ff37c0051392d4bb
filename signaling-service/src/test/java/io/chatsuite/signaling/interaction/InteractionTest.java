package io.chatsuite.signaling.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.Party;
import io.chatsuite.testing.InteractionFixture;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InteractionTest {

    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    private final InteractionFixture events = InteractionFixture.interaction("i", "c")
            .withoutReason()
            .withRequestedAt(T)
            .withAt(T);

    @Test
    void assignmentMakesACallPossibleUntilTheEnd() {
        Interaction i = Interaction.of("i");
        i.apply(events.queued(1));
        assertFalse(i.isCallable());
        i.apply(events.assigned());
        assertTrue(i.isCallable());
        i.apply(events.ended(Party.CUSTOMER));
        assertEquals(InteractionState.ENDED, i.state);
        assertFalse(i.isCallable());
    }

    @Test
    void finalStateIsNeverReopened() {
        Interaction i = Interaction.of("i");
        i.apply(events.abandoned());
        i.apply(events.assigned());
        i.apply(events.queued(1));
        i.apply(events.ended(Party.AGENT));
        assertEquals(InteractionState.ABANDONED, i.state);
        assertFalse(i.isCallable());
    }
}
