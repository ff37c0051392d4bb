package io.chatsuite.signaling.call.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.signaling.call.CallRole;
import io.chatsuite.signaling.interaction.Interaction;
import io.chatsuite.signaling.interaction.InteractionState;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void onlyAnAssignedInteractionHasACallAndOnlyItsAgentJoinsAsAgent() {
        Interaction assigned = interaction(InteractionState.ASSIGNED, "alice");
        assertEquals(new Admission.Admitted(CallRole.CUSTOMER, "customer"), Admission.customer(assigned));
        assertEquals(new Admission.Admitted(CallRole.AGENT, "alice"), Admission.agent(assigned, "alice"));
        assertEquals(403, status(Admission.agent(assigned, "bob")));

        for (InteractionState state : new InteractionState[] {
            InteractionState.QUEUED, InteractionState.ENDED, InteractionState.ABANDONED, InteractionState.REJECTED
        }) {
            Interaction other = interaction(state, "alice");
            assertEquals(403, status(Admission.customer(other)), state.name());
            assertEquals(403, status(Admission.agent(other, "alice")), state.name());
        }
        assertEquals(403, status(Admission.customer(null)));
        assertEquals(403, status(Admission.agent(null, "alice")));
    }

    private static int status(Admission admission) {
        return ((Admission.Refused) admission).status();
    }

    private static Interaction interaction(InteractionState state, String agentId) {
        Interaction interaction = Interaction.of("i");
        interaction.state = state;
        interaction.agentId = agentId;
        return interaction;
    }
}
