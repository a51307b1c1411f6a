package org.counterpart.facts.api;

import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.counterpart.edge.access.RequiresRole;
import org.counterpart.edge.access.Role;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.facts.ledger.Extraction;
import org.counterpart.facts.ledger.Reextraction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/extractions")
@Tag(name = "Extractions", description = "Whether a report's facts have been extracted, and by which version")
public class ExtractionResource {

    @Schema(name = "Extraction")
    public record ExtractionView(@Schema(required = true) UUID reportId,
                                 @Schema(required = true, enumeration = {"pending", "done", "failed"}) String status,
                                 @Schema(nullable = true, description = "null while pending") String extractorVersion,
                                 @Schema(required = true) int factCount,
                                 @Schema(required = true) long revision) {
    }

    private final Reextraction reextraction;

    public ExtractionResource(Reextraction reextraction) {
        this.reextraction = reextraction;
    }

    @POST
    @Path("/{reportId}/rerun")
    @RequiresRole(Role.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-extract one stored report with the current extractor; its facts are replaced and "
            + "republished with a new revision")
    @APIResponse(responseCode = "202", description = "Re-extracted; the new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExtractionView.class)))
    @APIResponse(responseCode = "404", description = "The facts service holds no such report, or it was deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rerun(@PathParam("reportId") String reportId) {
        UUID id = QueryParameters.reportId(reportId);
        Extraction extraction = (id == null ? java.util.Optional.<Extraction>empty() : reextraction.rerun(id))
                .orElseThrow(() -> ProblemException.notFound("The facts service holds no report " + reportId
                        + " to re-extract (never received, or deleted)."));
        return Response.accepted(view(extraction)).build();
    }

    @POST
    @Path("/rerun")
    @RequiresRole(Role.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-extract every stored report made by another extractor version (or all, with all=true), "
            + "each in its own transaction")
    @APIResponse(responseCode = "200", description = "How many reports were re-extracted, and how many failed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Reextraction.Outcome.class)))
    public Reextraction.Outcome rerunAll(@QueryParam("all") @DefaultValue("false") boolean all) {
        return reextraction.rerunAll(all);
    }

    private static ExtractionView view(Extraction extraction) {
        return new ExtractionView(extraction.reportId, extraction.status.wireName(), extraction.extractorVersion,
                extraction.factCount, extraction.revision);
    }

    @GET
    @Path("/{reportId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "The extraction status of a report: pending, done or failed")
    @APIResponse(responseCode = "200", description = "The extraction status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExtractionView.class)))
    @APIResponse(responseCode = "404", description = "The report has not reached the facts service (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExtractionView get(@PathParam("reportId") String reportId) {
        UUID id = QueryParameters.reportId(reportId);
        Extraction extraction = id == null ? null : Extraction.findById(id);
        if (extraction == null) {
            throw ProblemException.notFound("No report " + reportId + " has reached the facts service yet; a report just posted "
                            + "arrives within seconds.");
        }
        return view(extraction);
    }
}
