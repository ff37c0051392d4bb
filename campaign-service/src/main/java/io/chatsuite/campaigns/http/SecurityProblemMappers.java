package io.chatsuite.campaigns.http;

import io.chatsuite.commons.problem.Problem;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A role the endpoint does not allow is answered with problem details too, like every other error. */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        Problem body = new Problem("about:blank", "Forbidden", 403, "Your role does not allow this operation",
                request.path(), List.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
