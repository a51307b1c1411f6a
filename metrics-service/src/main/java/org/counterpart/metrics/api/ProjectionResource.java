package org.counterpart.metrics.api;

import java.time.Instant;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.edge.problem.Problem;
import org.counterpart.metrics.projection.ReportState;
import org.counterpart.metrics.totals.ReviewStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Whether a report's facts are in the projection, and since when the stored totals reflect them. Lets a client (and
 * the benchmark) follow a posted report to the totals.
 */
@Path("/projection")
@Tag(name = "Projection", description = "Which revision of a report's facts the totals are computed from")
public class ProjectionResource {

    private final EntityManager entityManager;

    public ProjectionResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param factCount     the facts of the applied revision, as facts-service published them
     * @param rejectedCount those of them a reviewer rejected: kept, never counted in a total
     * @param appliedAt     when the revision's facts were applied
     * @param totalsAt      when /totals first reflected them; null until then (a refresh follows within moments)
     */
    public record ReportProjection(String reportId, long revision, boolean retracted, long factCount,
                                   long rejectedCount, Instant appliedAt,
                                   @Schema(nullable = true, implementation = String.class, format = "date-time",
                                           description = "null until the totals reflect the revision")
                                   Instant totalsAt) {
    }

    /**
     * @param reportCount   reports with an applied revision
     * @param pendingTotals changes applied but not yet reflected in the stored totals (0: /totals is up to date)
     */
    public record ProjectionState(long reportCount, long pendingTotals) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "How many reports are applied, and how many applied changes the totals do not reflect yet")
    public ProjectionState state() {
        long reports = ((Number) entityManager.createNativeQuery("select count(*) from report_state")
                .getSingleResult()).longValue();
        long pending = ((Number) entityManager.createNativeQuery("select count(*) from pending_total_change")
                .getSingleResult()).longValue();
        return new ProjectionState(reports, pending);
    }

    @GET
    @Path("/reports/{reportId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "The applied revision of a report's facts, how many facts it holds and how many of them a "
            + "reviewer rejected (those never count)")
    @APIResponse(responseCode = "200", description = "The applied revision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportProjection.class)))
    @APIResponse(responseCode = "404", description = "No facts event of this report has been applied (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportProjection report(@PathParam("reportId") String reportId) {
        if (reportId.length() > 100) {
            throw new UnknownTotalException("No report " + reportId.substring(0, 100) + "... in the projection");
        }
        ReportState state = entityManager.find(ReportState.class, reportId);
        if (state == null) {
            throw new UnknownTotalException("No facts of report " + reportId + " have been applied yet");
        }
        long facts = entityManager
                .createQuery("select count(f) from CurrentFact f where f.reportId = :id", Long.class)
                .setParameter("id", reportId).getSingleResult();
        long rejected = entityManager
                .createQuery("select count(f) from CurrentFact f where f.reportId = :id and f.reviewStatus = :rejected",
                        Long.class)
                .setParameter("id", reportId).setParameter("rejected", ReviewStatus.REJECTED.code()).getSingleResult();
        return new ReportProjection(state.reportId, state.revision, state.retracted, facts, rejected, state.appliedAt,
                state.totalsAt);
    }
}
