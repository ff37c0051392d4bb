package io.chatsuite.routing.servicelevel.rest;

import io.chatsuite.commons.problem.Problem;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.commons.security.Caller;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.routing.campaign.Campaigns;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevel;
import io.chatsuite.routing.servicelevel.api.CampaignServiceLevelDetail;
import io.chatsuite.routing.servicelevel.api.DashboardEvent;
import io.chatsuite.routing.servicelevel.service.ServiceLevelMonitor;
import io.chatsuite.routing.servicelevel.service.ServiceLevelService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The supervisor dashboard: live service level, queue, agents and staffing hint per campaign of the caller's
 * security groups, read once or followed as a Server-Sent Events stream.
 */
@Path("/api/routing/dashboard")
@Tag(name = "Dashboard")
@RolesAllowed({"admin", "supervisor"})
public class DashboardResource {

    private final ServiceLevelService serviceLevels;
    private final ServiceLevelMonitor monitor;
    private final Campaigns campaigns;
    private final Caller caller;

    public DashboardResource(
            ServiceLevelService serviceLevels, ServiceLevelMonitor monitor, Campaigns campaigns, Caller caller) {
        this.serviceLevels = serviceLevels;
        this.monitor = monitor;
        this.campaigns = campaigns;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Live figures of every campaign of the caller's security groups")
    public Uni<List<CampaignServiceLevel>> all(
            @Parameter(description = "service-level formula; default: each " + "campaign's own") @QueryParam("formula")
                    String formula) {
        ServiceLevelFormula f = formula(formula);
        return serviceLevels.live(campaigns.inGroups(caller.groups()), f);
    }

    /**
     * Server-Sent Events: a {@code campaign} event with each visible campaign's dashboard now, then one whenever a
     * campaign's figures change (coalesced), and a {@code heartbeat} every 15 s. Browsers read it with
     * {@code fetch} (EventSource cannot send the bearer token).
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live dashboards of the caller's campaigns, pushed on every change")
    public Multi<DashboardEvent> stream() {
        return monitor.stream(caller.groups());
    }

    @GET
    @Path("/{campaignId}")
    @Operation(summary = "One campaign: live figures, the 15-minute intervals of a day, and its agents")
    public Uni<CampaignServiceLevelDetail> one(
            @PathParam("campaignId") String campaignId,
            @QueryParam("formula") String formula,
            @Parameter(description = "ISO date in the campaign's time zone; default today") @QueryParam("date")
                    String date) {
        ServiceLevelFormula f = formula(formula);
        LocalDate day = date(date);
        CampaignUpserted campaign = campaigns
                .find(campaignId)
                .filter(c -> caller.groups().contains(c.securityGroup()))
                .orElseThrow(() -> ProblemException.notFound("Campaign", campaignId));
        return serviceLevels.detail(campaign, f, day);
    }

    // Parsed here rather than by JAX-RS, which answers a bad query parameter with 404 instead of a clear 400.
    // Null: each campaign's own formula.
    private static ServiceLevelFormula formula(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ServiceLevelFormula.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "Unknown service-level formula '" + value + "'",
                    List.of(new Problem.FieldError(
                            "formula", "must be one of " + Arrays.toString(ServiceLevelFormula.values()))));
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    "'" + value + "' is not a date",
                    List.of(new Problem.FieldError("date", "must be an ISO date like 2026-11-25")));
        }
    }
}
