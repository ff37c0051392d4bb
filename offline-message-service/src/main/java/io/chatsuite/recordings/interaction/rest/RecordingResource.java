package io.chatsuite.recordings.interaction.rest;

import io.chatsuite.commons.problem.Problem;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.commons.security.Caller;
import io.chatsuite.recordings.interaction.api.InteractionDetail;
import io.chatsuite.recordings.interaction.api.RecordingPage;
import io.chatsuite.recordings.interaction.mapping.RecordingMapper;
import io.chatsuite.recordings.interaction.service.RecordingSearch;
import io.chatsuite.recordings.interaction.service.RecordingService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/recordings/interactions")
@Tag(name = "Recordings", description = "Interactions and their transcripts, for supervisors of their groups")
@RolesAllowed({"supervisor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class RecordingResource {

    private final RecordingService service;
    private final Caller caller;

    public RecordingResource(RecordingService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the interactions of the caller's security groups, newest first")
    @APIResponse(responseCode = "200", description = "One page of interactions")
    @APIResponse(
            responseCode = "400",
            description = "An invalid filter or page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    public Uni<RecordingPage> list(
            @Parameter(description = "Only this campaign") @QueryParam("campaignId") String campaignId,
            @Parameter(description = "Only interactions assigned to this agent (username)") @QueryParam("agentId")
                    String agentId,
            @Parameter(
                            description = "Requested at or after (ISO-8601 date-time with offset)",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Requested before (ISO-8601 date-time with offset)",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "Page number from 0",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            description = "Page size",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            defaultValue = "20",
                                            minimum = "1",
                                            maximum = "100"))
                    @QueryParam("size")
                    String size) {
        RecordingSearch search = RecordingSearch.parse(campaignId, agentId, from, to, page, size);
        return service.search(search, caller.groups())
                .map(result -> new RecordingPage(
                        result.items().stream().map(RecordingMapper::toSummary).toList(),
                        search.page(),
                        search.size(),
                        result.total()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one interaction of the caller's security groups with its transcript")
    @APIResponse(responseCode = "200", description = "The interaction and its transcript in order")
    @APIResponse(
            responseCode = "404",
            description = "No such interaction in the caller's security groups",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    public Uni<InteractionDetail> get(@PathParam("id") String id) {
        return service.find(id, caller.groups()).map(found -> {
            // Outside the caller's groups looks exactly like absent: existence is not revealed.
            if (found == null) {
                throw ProblemException.notFound("Interaction", id);
            }
            return RecordingMapper.toDetail(found.recording(), found.transcript());
        });
    }
}
