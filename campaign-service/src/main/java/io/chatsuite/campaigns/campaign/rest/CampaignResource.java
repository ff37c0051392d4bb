package io.chatsuite.campaigns.campaign.rest;

import io.chatsuite.campaigns.campaign.Campaign;
import io.chatsuite.campaigns.campaign.api.CampaignRequest;
import io.chatsuite.campaigns.campaign.api.CampaignResponse;
import io.chatsuite.campaigns.campaign.api.MessagePreview;
import io.chatsuite.campaigns.campaign.api.MessagePreviewRequest;
import io.chatsuite.campaigns.campaign.api.Page;
import io.chatsuite.campaigns.campaign.mapping.CampaignMapper;
import io.chatsuite.campaigns.campaign.repository.CampaignQuery;
import io.chatsuite.campaigns.campaign.service.CampaignService;
import io.chatsuite.campaigns.campaign.service.CampaignValidator;
import io.chatsuite.campaigns.http.PageRequest;
import io.chatsuite.campaigns.http.Preconditions;
import io.chatsuite.commons.problem.Problem;
import io.chatsuite.commons.problem.Problem.FieldError;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.commons.security.Caller;
import io.chatsuite.events.campaign.Strategy;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import java.util.Arrays;
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
 * The campaigns API of the admin console: role admin writes, admin, supervisor and agent read, everything
 * within the caller's security groups; writes are guarded by ETag / If-Match (docs/adr/006).
 */
@Path("/api/campaigns")
@Tag(name = "Campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(
        responseCode = "403",
        description = "Role not allowed, or a security group that is not the caller's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CampaignResource {

    static final String PROBLEM_400 = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"The campaign has invalid fields",
             "instance":"/api/campaigns","errors":[{"field":"messages.welcome.fr","message":"unknown language; one of es, en, pt"},
             {"field":"schedule.weekly[1].end","message":"must be a time HH:mm"}]}""";

    private final CampaignService service;
    private final Caller caller;

    public CampaignResource(CampaignService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Create a campaign in one of the caller's security groups")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag set",
            headers = {@Header(name = "Location"), @Header(name = "ETag", description = "\"<version>\"")},
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Every invalid field named",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = PROBLEM_400)))
    @APIResponse(responseCode = "409", description = "The name is taken in that security group (case-insensitive)")
    public Uni<Response> create(CampaignRequest request, @Context UriInfo uri) {
        return service.create(caller, request)
                .map(c -> Response.created(
                                uri.getAbsolutePathBuilder().path(c.id).build())
                        .tag(Preconditions.tag(c.version))
                        .entity(CampaignMapper.toResponse(c))
                        .build());
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR, Caller.AGENT})
    @Operation(summary = "List the campaigns of the caller's security groups (an agent: those they are a member of)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "page", value = """
            {"items":[{"id":"6f1c0e7a-3b0e-4d69-9c55-0a3c2f1d8e11","version":3,"name":"Sales",
             "securityGroup":"sales","strategy":"LONGEST_IDLE","serviceLevelSeconds":20}],
             "page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "400", description = "Each bad parameter named (page, size, sort, strategy, name)")
    public Uni<Page<CampaignResponse>> list(
            @Parameter(description = "0-based page") @QueryParam("page") String page,
            @Parameter(description = "1..100, default 20") @QueryParam("size") String size,
            @Parameter(
                            description = "field,asc|desc; fields name, updatedAt, createdAt, strategy",
                            example = "name,asc")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "name contains, case-insensitive") @QueryParam("name") String name,
            @Parameter(description = "one strategy") @QueryParam("strategy") String strategy,
            @Parameter(description = "one of the caller's groups") @QueryParam("securityGroup") String group) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest<CampaignQuery.SortField> paging = PageRequest.parse(
                page, size, sort, CampaignQuery.SortField.class, CampaignQuery.SortField.name, errors);
        Strategy wanted = null;
        if (strategy != null && !strategy.isBlank()) {
            wanted = Arrays.stream(Strategy.values())
                    .filter(s -> s.name().equals(strategy.strip()))
                    .findFirst()
                    .orElse(null);
            if (wanted == null) {
                errors.add(new FieldError("strategy", "must be one of " + Arrays.toString(Strategy.values())));
            }
        }
        if (name != null && name.length() > 120) {
            errors.add(new FieldError("name", "must be at most 120 characters"));
        }
        CampaignValidator.failIfAny(errors, "The listing has invalid parameters");
        CampaignQuery query = new CampaignQuery(
                caller.groups(),
                caller.overseesGroups() ? null : caller.name(),
                name,
                wanted,
                group == null || group.isBlank() ? null : group.strip(),
                paging.sort(),
                paging.ascending(),
                paging.page(),
                paging.size());
        return service.list(query)
                .map(r -> new Page<>(
                        r.items().stream().map(CampaignMapper::toResponse).toList(),
                        paging.page(),
                        paging.size(),
                        r.total()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR, Caller.AGENT})
    @Operation(summary = "Read one campaign; its ETag is its version")
    @APIResponse(
            responseCode = "200",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    @APIResponse(responseCode = "404", description = "No such campaign, or not in the caller's groups")
    public Uni<Response> get(@PathParam("id") String id) {
        return visible(id)
                .map(c -> Response.ok(CampaignMapper.toResponse(c))
                        .tag(Preconditions.tag(c.version))
                        .build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Replace a campaign (all fields); send the ETag you read in If-Match")
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CampaignResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Every invalid field named",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = PROBLEM_400)))
    @APIResponse(responseCode = "404", description = "No such campaign, or not in the caller's groups")
    @APIResponse(responseCode = "409", description = "The name is taken in that security group")
    @APIResponse(responseCode = "412", description = "Changed by someone else since it was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Uni<Response> replace(
            @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, required = true, example = "\"3\"") @HeaderParam("If-Match")
                    String ifMatch,
            CampaignRequest request) {
        return service.replace(caller, id, request, ifMatch)
                .map(c -> Response.ok(CampaignMapper.toResponse(c))
                        .tag(Preconditions.tag(c.version))
                        .build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Delete a campaign; If-Match optional")
    @APIResponse(responseCode = "204", description = "Deleted; CampaignDeleted and a tombstone published")
    @APIResponse(responseCode = "404", description = "No such campaign, or not in the caller's groups")
    @APIResponse(responseCode = "412", description = "Changed by someone else since it was read")
    public Uni<Response> delete(
            @PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, example = "\"3\"") @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller, id, ifMatch).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/messages/{kind}")
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR, Caller.AGENT})
    @Operation(summary = "The text a customer would see for a message kind, after the language fallback")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MessagePreview.class)))
    @APIResponse(responseCode = "404", description = "No such campaign, or no text for that kind in any language")
    public Uni<MessagePreview> message(
            @PathParam("id") String id,
            @PathParam("kind") String kind,
            @Parameter(description = "es, en or pt (pt-BR counts as pt); default: the campaign's default language")
                    @QueryParam("language")
                    String language) {
        return visible(id).map(c -> CampaignService.preview(c.settings.messages(), c.defaultLanguage, kind, language));
    }

    @POST
    @Path("/messages/preview")
    @RolesAllowed({Caller.ADMIN, Caller.SUPERVISOR, Caller.AGENT})
    @Operation(summary = "Preview a message of an unsaved form, after the language fallback")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MessagePreview.class)))
    @APIResponse(responseCode = "404", description = "No text for that kind in any language")
    public MessagePreview preview(MessagePreviewRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A preview request is required", List.of());
        }
        return CampaignService.preview(
                request.messages(), request.defaultLanguage(), request.kind(), request.language());
    }

    private Uni<Campaign> visible(String id) {
        return service.find(caller, id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Campaign", id);
            }
            return c;
        });
    }
}
