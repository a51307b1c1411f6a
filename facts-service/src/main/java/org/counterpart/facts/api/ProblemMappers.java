package org.counterpart.facts.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure becomes a problem document; no caller sees a bare 500 or an HTML error page. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(ApiProblem problem) {
        return Problem.response(problem.status(), problem.title(), problem.getMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return Problem.response(500, "Internal error", "The request could not be completed; it has been logged.");
    }
}
