package org.counterpart.edge.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.counterpart.edge.failure.FailureKind;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure inside a resource becomes a problem document: refusals with their type, framework exceptions by
 * their status, anything unexpected as a logged 500 without a stack trace for the caller. Failures before a
 * resource is reached (routing, body limits) are answered by {@link HttpLayerProblems} in the same vocabulary.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return response(Problem.of(e.type(), e.getMessage(), path(uri), e.invalidParams()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return response(Problem.of(ProblemType.INVALID_REQUEST,
                "The body is not the JSON this endpoint reads: " + e.getOriginalMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type = e instanceof NotFoundException ? ProblemType.NOT_FOUND
                : e instanceof NotAllowedException ? ProblemType.METHOD_NOT_ALLOWED
                : e instanceof NotAcceptableException ? ProblemType.NOT_ACCEPTABLE
                : e instanceof NotSupportedException ? ProblemType.UNSUPPORTED_MEDIA_TYPE
                : ProblemType.forStatus(status);
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Problem problem = new Problem(type.uri(), type.title(), status,
                status >= 500 ? "The request could not be completed; it has been logged." : e.getMessage(),
                path(uri), null);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        // Keep the headers the status needs (Allow on 405, WWW-Authenticate on 401).
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (FailureKind.of(e) == FailureKind.TRANSIENT) {
            // The database is away or saturated: nothing the caller did, and worth trying again shortly.
            LOG.warnf("Request refused while the database is unavailable: %s", e.toString());
            return Response.fromResponse(response(Problem.of(ProblemType.UNAVAILABLE,
                    "The service's database is unavailable; try again shortly.", path(uri))))
                    .header("Retry-After", "10").build();
        }
        LOG.error("Unexpected failure", e);
        return response(Problem.of(ProblemType.INTERNAL, "The request could not be completed; it has been logged.",
                path(uri)));
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        try {
            return uri.getPath();
        } catch (RuntimeException e) {
            return null; // a path that cannot even be decoded is not worth echoing
        }
    }
}
