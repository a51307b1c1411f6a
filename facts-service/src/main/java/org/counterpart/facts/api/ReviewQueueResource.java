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
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.counterpart.facts.ledger.FactDocument;
import org.counterpart.facts.ledger.ReviewQueue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The queue of facts worth a person's check (read by the review page). */
@Path("/review/queue")
@Tag(name = "Review")
public class ReviewQueueResource {

    /** A queue entry as answered: the fact, its score and why it is there. */
    @Schema(name = "QueueEntry")
    public record QueueEntry(@Schema(required = true) FactDocument fact, @Schema(required = true) BigDecimal score,
                             @Schema(required = true) BigDecimal share, @Schema(required = true) List<String> reasons) {
    }

    @Schema(name = "QueuePage")
    public record QueuePage(@Schema(required = true) List<QueueEntry> items,
                            @Schema(nullable = true, description = "The cursor of the next page; null on the last")
                            String next) {
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
    @APIResponse(responseCode = "200", description = "A page of the queue",
            headers = @Header(name = "Link", description = "<…&cursor=…>; rel=\"next\" when more entries follow",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuePage.class)))
    @APIResponse(responseCode = "400", description = "A limit or cursor was refused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response queue(
            @Parameter(description = "entries per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam("limit") String limit,
            @Parameter(description = "where the page starts: next of the previous page") @QueryParam("cursor") String cursor,
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
