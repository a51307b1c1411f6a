package org.counterpart.edge.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers in problem documents what the HTTP layer refuses before any resource runs: no route (404), a method or
 * media type no route takes (405, 406, 415), a body over the limit (413), a failure in a Vert.x handler (500).
 * Without this, Vert.x answers those with an empty body or an HTML page. URI and header limits are checked here
 * too ({@link RequestLimits}), below the codec's own much higher ones, so that they also get a document.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);
    private static final int[] STATUSES = {400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503};

    private final RequestLimits limits;

    public HttpLayerProblems(RequestLimits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        for (int status : STATUSES) {
            router.errorHandler(status, ctx -> answer(ctx, status));
        }
    }

    private void checkLimits(RoutingContext ctx) {
        ProblemType refused = limits.refuse(ctx.request());
        if (refused == null) {
            ctx.next();
        } else {
            answer(ctx, refused.status());
        }
    }

    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500 && ctx.failure() != null) {
            LOG.error("Request failed in the HTTP layer", ctx.failure());
        }
        answer(ctx, status);
    }

    static void answer(RoutingContext ctx, int status) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "Nothing is served at this path.";
            case 405 -> "This path does not take " + ctx.request().method() + ".";
            case 406 -> "This path cannot answer in any of the media types the Accept header lists.";
            case 413 -> "The request body is larger than this service accepts.";
            case 414 -> "The request line is longer than this service accepts.";
            case 415 -> "This path does not read the request's Content-Type or Content-Encoding.";
            case 431 -> "The request headers are larger than this service accepts.";
            default -> status >= 500 ? "The request could not be completed; it has been logged." : "The request "
                    + "could not be read.";
        };
        Problem problem = new Problem(type.uri(), type.title(), status, detail, null, null);
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
