package io.chatsuite.signaling.call.service;

import io.chatsuite.signaling.call.CallRole;
import io.chatsuite.signaling.interaction.Interaction;

/** Whether a handshake may open a call socket, and as which party; refusals carry the HTTP status to answer. */
public sealed interface Admission {

    record Admitted(CallRole role, String partyId) implements Admission {}

    /** {@code reason} is for the log only: the client learns nothing but the status. */
    record Refused(int status, String reason) implements Admission {}

    static Admission customer(Interaction interaction) {
        if (interaction == null || !interaction.isCallable()) {
            return new Refused(403, "interaction unknown, without agent or over");
        }
        return new Admitted(CallRole.CUSTOMER, "customer");
    }

    static Admission agent(Interaction interaction, String agentId) {
        if (interaction == null || !interaction.isCallable()) {
            return new Refused(403, "interaction unknown, without agent or over");
        }
        if (!interaction.agentId.equals(agentId)) {
            return new Refused(403, "agent " + agentId + " is not the assigned agent");
        }
        return new Admitted(CallRole.AGENT, agentId);
    }
}
