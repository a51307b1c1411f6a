package org.counterpart.facts.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.counterpart.edge.paging.PageRequest;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.counterpart.facts.ledger.FactDocument;
import org.counterpart.facts.ledger.ReviewQueue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The queue of facts worth a person's check (read by the review page). */
@Path("/review/queue")
@Tag(name = "Review")
public class ReviewQueueResource {

    /** A queue entry as answered: the fact, its score and why it is there. */
    public record QueueEntry(FactDocument fact, BigDecimal score, BigDecimal share, List<String> reasons) {
    }

    public record QueuePage(List<QueueEntry> items, String next) {
    }

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 200;

    private final ReviewQueue queue;
    private final ObjectMapper json;

    public ReviewQueueResource(ReviewQueue queue, ObjectMapper json) {
        this.queue = queue;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Unreviewed facts, most worth a check first: low confidence first, weighted by the fact's "
            + "share of the total of its metric; with the reasons. More pages: next (also as a Link rel=next).")
    public Response queue(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                          @Context UriInfo uri) {
        PageRequest request = PageRequest.of(limit, cursor, 2, DEFAULT_LIMIT, MAX_LIMIT);
        ReviewQueue.Cursor after;
        try {
            after = request.after().map(ReviewQueue.Cursor::of).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_QUERY, "cursor is not one this list gave out.");
        }
        ReviewQueue.Page page = queue.page(after, request.limit());
        QueuePage body = new QueuePage(page.entries().stream()
                .map(e -> new QueueEntry(FactDocument.of(e.fact(), json), e.score().stripTrailingZeros(),
                        e.share().stripTrailingZeros(), e.reasons()))
                .toList(), page.next());
        return PageRequest.linkNext(Response.ok(body), uri, page.next()).build();
    }
}
