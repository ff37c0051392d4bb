package io.chatsuite.campaigns.campaign.rest;

import io.chatsuite.campaigns.campaign.api.CampaignRequest;
import io.chatsuite.campaigns.campaign.api.CampaignResponse;
import io.chatsuite.campaigns.campaign.mapping.CampaignMapper;
import io.chatsuite.campaigns.campaign.service.CampaignService;
import io.chatsuite.campaigns.security.Caller;
import io.chatsuite.commons.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/campaigns")
@Tag(name = "Campaigns")
public class CampaignResource {

    private final CampaignService service;
    private final Caller caller;

    public CampaignResource(CampaignService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Create a campaign in one of the caller's security groups")
    public Uni<Response> create(@Valid @NotNull CampaignRequest request, @Context UriInfo uri) {
        return service.create(request, caller.groups()).map(c -> Response
                .created(uri.getAbsolutePathBuilder().path(c.id).build())
                .tag(String.valueOf(c.version))
                .entity(CampaignMapper.toResponse(c)).build());
    }

    @GET
    @RolesAllowed({"admin", "supervisor", "agent"})
    @Operation(summary = "List the campaigns of the caller's security groups")
    public Uni<List<CampaignResponse>> list() {
        return service.list(caller.groups()).map(l -> l.stream().map(CampaignMapper::toResponse).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "supervisor", "agent"})
    @Operation(summary = "Read one campaign of the caller's security groups")
    public Uni<Response> get(@PathParam("id") String id) {
        return service.find(id, caller.groups()).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Campaign", id);
            }
            return Response.ok(CampaignMapper.toResponse(c)).tag(String.valueOf(c.version)).build();
        });
    }
}
