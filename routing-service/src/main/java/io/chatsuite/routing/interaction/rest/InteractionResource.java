package io.chatsuite.routing.interaction.rest;

import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.commons.security.Caller;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.routing.assignment.service.ManualPicks;
import io.chatsuite.routing.interaction.api.InteractionView;
import io.chatsuite.routing.interaction.api.QueueView;
import io.chatsuite.routing.interaction.mapping.InteractionViews;
import io.chatsuite.routing.interaction.service.InteractionQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Queues and interactions for the consoles. Supervisors and administrators see the campaigns of their security
 * groups; agents see the campaigns they are members of. What a caller may not see does not exist (404).
 */
@Path("/api/routing")
@Tag(name = "Queues and interactions")
public class InteractionResource {

    private final InteractionQueries queries;
    private final ManualPicks picks;
    private final Caller caller;

    public InteractionResource(InteractionQueries queries, ManualPicks picks, Caller caller) {
        this.queries = queries;
        this.picks = picks;
        this.caller = caller;
    }

    @GET
    @Path("/queues/{campaignId}")
    @RolesAllowed({"admin", "supervisor", "agent"})
    @Operation(summary = "The waiting interactions of a campaign, first come first")
    public Uni<QueueView> queue(@PathParam("campaignId") String campaignId) {
        return queries.queue(visibleCampaign(campaignId));
    }

    @GET
    @Path("/interactions/{id}")
    @RolesAllowed({"admin", "supervisor", "agent"})
    @Operation(summary = "One interaction's routing state")
    public Uni<InteractionView> get(@PathParam("id") String id) {
        return queries.find(id).map(i -> {
            if (i == null
                    || queries.campaign(i.campaignId).filter(this::visible).isEmpty()) {
                throw ProblemException.notFound("Interaction", id);
            }
            return InteractionViews.toView(i);
        });
    }

    @POST
    @Path("/interactions/{id}/claim")
    @RolesAllowed("agent")
    @Operation(summary = "Pick a waiting interaction of a MANUAL campaign; the first pick wins (409 for the others)")
    public Uni<InteractionView> claim(@PathParam("id") String id) {
        return picks.pick(id, caller.name(), caller.groups());
    }

    private CampaignUpserted visibleCampaign(String campaignId) {
        return queries.campaign(campaignId)
                .filter(this::visible)
                .orElseThrow(() -> ProblemException.notFound("Campaign", campaignId));
    }

    private boolean visible(CampaignUpserted campaign) {
        if (!caller.groups().contains(campaign.securityGroup())) {
            return false;
        }
        return caller.overseesGroups()
                || campaign.agentMembers() != null && campaign.agentMembers().contains(caller.name());
    }
}
