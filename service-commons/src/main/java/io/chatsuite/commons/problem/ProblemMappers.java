package io.chatsuite.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of every REST endpoint leaves as problem details. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.status(), e.title(), e.getMessage(), request, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(400, "Bad Request", "The request has invalid fields", request, errors);
    }

    // Declared for the subclass too: the most specific mapper wins over the framework's own.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return unreadable(e, request);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        String field = e instanceof MismatchedInputException mie
                ? mie.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[")
                : "";
        String detail = e instanceof InvalidFormatException ife
                ? "Value '" + ife.getValue() + "' is not valid here"
                : "The request body is not valid JSON for this resource";
        return respond(
                400,
                "Bad Request",
                detail,
                request,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }

    /** No token on an endpoint that needs one. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        Response problem = respond(401, "Unauthorized", "This operation needs a bearer token", request, List.of());
        return Response.fromResponse(problem)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /** A role the endpoint does not allow. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(403, "Forbidden", "Your role does not allow this operation", request, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        return respond(
                status,
                Response.Status.fromStatusCode(status) == null
                        ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase(),
                e.getMessage(),
                request,
                List.of());
    }

    private static String fieldName(String path) {
        // "create.request.name" -> "name": drop the method and parameter of method validation.
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    static Response respond(
            int status, String title, String detail, HttpServerRequest request, List<Problem.FieldError> errors) {
        if (status >= 500) {
            LOG.errorf("%s %s failed: %s", request.method(), request.path(), detail);
        }
        Problem body = new Problem("about:blank", title, status, detail, request.path(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
