package io.chatsuite.gateway.console.rest;

import io.chatsuite.gateway.console.config.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the browser pages need before they can talk to the suite: the console's login settings, the start page. */
@Path("/")
@Tag(name = "Console")
public class ConsoleResource {

    /** The console's login settings, as served to the browser. */
    public record ConsoleSettings(String oidcUrl, String clientId) {}

    private final ConsoleConfig config;

    public ConsoleResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    @Path("console/config.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the agent console logs in")
    public ConsoleSettings settings() {
        return new ConsoleSettings(config.oidcUrl(), config.clientId());
    }

    @GET
    @Operation(summary = "The start page is the demo page with the widget")
    public Response root() {
        // A relative Location stays right behind the edge proxy, whatever host name the gateway sees.
        return Response.status(Response.Status.SEE_OTHER)
                .header("Location", "/demo/")
                .build();
    }
}
