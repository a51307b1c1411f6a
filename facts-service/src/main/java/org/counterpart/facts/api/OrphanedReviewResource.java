package org.counterpart.facts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.facts.ledger.OrphanedReviews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reviews left without a fact by a re-extraction: listed, so that none is silently dropped. */
@Path("/review/orphaned")
@Tag(name = "Review")
public class OrphanedReviewResource {

    /** A review no fact holds any more, with where it was and what it said. */
    @Schema(name = "OrphanedReview")
    public record OrphanedReview(@Schema(required = true) UUID id, @Schema(required = true) UUID reportId,
                                 @Schema(required = true) int figureStart, @Schema(required = true) int figureEnd,
                                 @Schema(required = true) String metric,
                                 @Schema(nullable = true, implementation = String.class, format = "uuid",
                                         description = "The fact it was made on, if still known") UUID factId,
                                 @Schema(required = true, enumeration = {"confirm", "correct", "reject"}) String action,
                                 @Schema(required = true) String by, @Schema(required = true) Instant at,
                                 @Schema(nullable = true) String note) {
    }

    private static final int SHOWN = 200;

    private final OrphanedReviews orphans;

    public OrphanedReviewResource(OrphanedReviews orphans) {
        this.orphans = orphans;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Reviews whose figure no fact holds any more since a re-extraction: kept, never dropped, "
            + "listed here (most recent first, at most " + SHOWN + ") so that a person can look again")
    public List<OrphanedReview> orphaned() {
        return orphans.latest(SHOWN).stream()
                .map(r -> new OrphanedReview(r.id, r.reportId, r.figureStart, r.figureEnd, r.metric, r.factId,
                        r.action, r.reviewedBy, r.reviewedAt, r.note))
                .toList();
    }
}
