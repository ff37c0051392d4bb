package io.chatsuite.signaling.interaction;

import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The local view of an interaction: its assigned agent and whether it is still open; a final state is kept. */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    public String id;

    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "agent_id")
    public String agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InteractionState state;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Interaction of(String id) {
        Interaction interaction = new Interaction();
        interaction.id = id;
        return interaction;
    }

    public void apply(InteractionQueued e) {
        campaign(e.campaignId());
        if (state == null) {
            state = InteractionState.QUEUED;
        }
    }

    public void apply(InteractionAssigned e) {
        campaign(e.campaignId());
        if (state == null || !state.isFinal()) {
            state = InteractionState.ASSIGNED;
            agentId = e.agentId();
        }
    }

    public void apply(InteractionRejected e) {
        campaign(e.campaignId());
        close(InteractionState.REJECTED);
    }

    public void apply(InteractionAbandoned e) {
        campaign(e.campaignId());
        close(InteractionState.ABANDONED);
    }

    public void apply(InteractionEnded e) {
        campaign(e.campaignId());
        if (agentId == null) {
            agentId = e.agentId();
        }
        close(InteractionState.ENDED);
    }

    /** A call needs both parties: only an interaction with an agent that has not ended can have one. */
    public boolean isCallable() {
        return state == InteractionState.ASSIGNED && agentId != null;
    }

    private void close(InteractionState finalState) {
        if (state == null || !state.isFinal()) {
            state = finalState;
        }
    }

    private void campaign(String id) {
        if (campaignId == null) {
            campaignId = id;
        }
    }
}
