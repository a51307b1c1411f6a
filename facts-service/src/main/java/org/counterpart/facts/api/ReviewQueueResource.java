package org.counterpart.facts.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
            + "share of the total of its metric; with the reasons. Pass next as cursor for the following page.")
    public QueuePage queue(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(ProblemType.INVALID_QUERY, "limit must be 1 to " + MAX_LIMIT + ".");
        }
        ReviewQueue.Cursor after;
        try {
            after = cursor == null || cursor.isBlank() ? null : ReviewQueue.Cursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_QUERY, "cursor is not one this service gave out.");
        }
        ReviewQueue.Page page = queue.page(after, limit);
        return new QueuePage(page.entries().stream()
                .map(e -> new QueueEntry(FactDocument.of(e.fact(), json), e.score().stripTrailingZeros(),
                        e.share().stripTrailingZeros(), e.reasons()))
                .toList(), page.next());
    }

}
