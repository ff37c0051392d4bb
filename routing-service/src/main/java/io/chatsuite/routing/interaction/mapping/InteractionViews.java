package io.chatsuite.routing.interaction.mapping;

import io.chatsuite.routing.interaction.Interaction;
import io.chatsuite.routing.interaction.InteractionState;
import io.chatsuite.routing.interaction.api.InteractionView;

/** Maps interactions to their REST records. */
public final class InteractionViews {

    private InteractionViews() {}

    public static InteractionView toView(Interaction i) {
        return new InteractionView(
                i.id,
                i.campaignId,
                i.state,
                i.customerName,
                i.language,
                i.requestedAt,
                i.queuedAt,
                i.state == InteractionState.QUEUED ? i.announcedPosition : null,
                i.agentId,
                i.assignedAt,
                i.closedAt,
                i.endedBy,
                i.rejectReason);
    }
}
