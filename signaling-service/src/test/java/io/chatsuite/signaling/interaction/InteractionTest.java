package io.chatsuite.signaling.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.Party;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InteractionTest {

    static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void assignmentMakesACallPossibleUntilTheEnd() {
        Interaction i = Interaction.of("i");
        i.apply(new InteractionQueued("i", "c", 1, T));
        assertFalse(i.isCallable());
        i.apply(new InteractionAssigned("i", "c", "alice", "Carla", "en", T, T, null));
        assertTrue(i.isCallable());
        i.apply(new InteractionEnded("i", "c", "alice", Party.CUSTOMER, T));
        assertEquals(InteractionState.ENDED, i.state);
        assertFalse(i.isCallable());
    }

    @Test
    void finalStateIsNeverReopened() {
        Interaction i = Interaction.of("i");
        i.apply(new InteractionAbandoned("i", "c", T, T));
        i.apply(new InteractionAssigned("i", "c", "alice", "Carla", "en", T, T, null));
        i.apply(new InteractionQueued("i", "c", 1, T));
        i.apply(new InteractionEnded("i", "c", "alice", Party.AGENT, T));
        assertEquals(InteractionState.ABANDONED, i.state);
        assertFalse(i.isCallable());
    }
}
