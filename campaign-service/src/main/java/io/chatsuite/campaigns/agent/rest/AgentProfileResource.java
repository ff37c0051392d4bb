package io.chatsuite.campaigns.agent.rest;

import io.chatsuite.campaigns.agent.api.AgentProfileRequest;
import io.chatsuite.campaigns.agent.api.AgentProfileResponse;
import io.chatsuite.campaigns.agent.repository.AgentProfileRepository;
import io.chatsuite.campaigns.agent.service.AgentProfileService;
import io.chatsuite.campaigns.campaign.api.Page;
import io.chatsuite.campaigns.campaign.service.CampaignValidator;
import io.chatsuite.campaigns.http.PageRequest;
import io.chatsuite.campaigns.http.Preconditions;
import io.chatsuite.commons.problem.Problem;
import io.chatsuite.commons.problem.Problem.FieldError;
import io.chatsuite.commons.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Agent profiles for the admin console: admins write, admins and supervisors read the profiles sharing one of
 * their groups, an agent reads their own. Campaign membership is edited on campaigns, never here.
 */
@Path("/api/agent-profiles")
@Tag(name = "Agent profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(
        responseCode = "403",
        description = "Role not allowed, or a security group that is not the caller's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AgentProfileResource {

    private final AgentProfileService service;
    private final Caller caller;

    public AgentProfileResource(AgentProfileService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR, Caller.AGENT})
    @Operation(summary = "List the profiles sharing one of the caller's groups (an agent: their own)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "page", value = """
            {"items":[{"agentId":"alice","displayName":"Alice","capacity":3,"securityGroups":["sales"],
             "campaignIds":["6f1c0e7a-3b0e-4d69-9c55-0a3c2f1d8e11"],"version":2,"updatedAt":"2025-05-02T08:30:00Z"}],
             "page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "400", description = "Each bad parameter named")
    public Uni<Page<AgentProfileResponse>> list(
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Parameter(description = "field,asc|desc; fields agentId, displayName, updatedAt") @QueryParam("sort")
                    String sort,
            @Parameter(description = "agent id or display name contains, case-insensitive") @QueryParam("name")
                    String name,
            @QueryParam("securityGroup") String securityGroup) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest<AgentProfileRepository.SortField> paging = PageRequest.parse(
                page,
                size,
                sort,
                AgentProfileRepository.SortField.class,
                AgentProfileRepository.SortField.agentId,
                errors);
        if (name != null && name.length() > 120) {
            errors.add(new FieldError("name", "must be at most 120 characters"));
        }
        CampaignValidator.failIfAny(errors, "The listing has invalid parameters");
        return service.list(
                caller, name, securityGroup == null || securityGroup.isBlank() ? null : securityGroup.strip(), paging);
    }

    @GET
    @Path("/{agentId}")
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR, Caller.AGENT})
    @Operation(summary = "Read one profile; its ETag is its version")
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = AgentProfileResponse.class)))
    @APIResponse(responseCode = "404", description = "No such profile, or not visible to the caller")
    public Uni<Response> get(@PathParam("agentId") String agentId) {
        return service.find(caller, agentId)
                .map(p -> Response.ok(p).tag(Preconditions.tag(p.version())).build());
    }

    @PUT
    @Path("/{agentId}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Create or replace a profile; If-Match required when it exists")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = AgentProfileResponse.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {@Header(name = "ETag"), @Header(name = "Location")},
            content = @Content(schema = @Schema(implementation = AgentProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "Every invalid field named")
    @APIResponse(responseCode = "409", description = "A profile of that agent exists, managed by other groups only")
    @APIResponse(responseCode = "412", description = "Changed since it was read, or If-Match on a creation")
    @APIResponse(responseCode = "428", description = "If-Match missing for an existing profile")
    public Uni<Response> put(
            @PathParam("agentId") String agentId,
            @Parameter(in = ParameterIn.HEADER, example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
            AgentProfileRequest request,
            @Context UriInfo uri) {
        return service.upsert(caller, agentId, request, ifMatch)
                .map(u -> (u.created() ? Response.created(uri.getAbsolutePath()) : Response.ok())
                        .entity(u.profile())
                        .tag(Preconditions.tag(u.profile().version()))
                        .build());
    }

    @DELETE
    @Path("/{agentId}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Delete a profile; If-Match optional")
    @APIResponse(responseCode = "204", description = "Deleted; AgentProfileDeleted and a tombstone published")
    @APIResponse(responseCode = "404", description = "No such profile, or not visible to the caller")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    public Uni<Response> delete(
            @PathParam("agentId") String agentId,
            @Parameter(in = ParameterIn.HEADER) @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller, agentId, ifMatch)
                .map(v -> Response.noContent().build());
    }
}
