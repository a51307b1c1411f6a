package org.counterpart.metrics.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused queries and unknown totals become RFC 7807 problem documents, never a 500. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        Problem problem = new Problem("/problems/invalid-query", "Invalid query", 400,
                "Some query parameters cannot be answered; see invalidParams.",
                uri.getPath(), e.invalidParams());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response unknownTotal(UnknownTotalException e, UriInfo uri) {
        Problem problem = new Problem("/problems/unknown-total", "No such total", 404, e.getMessage(),
                uri.getPath(), null);
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
