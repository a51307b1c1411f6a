package org.counterpart.facts.api;

import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.facts.ledger.Extraction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/extractions")
@Tag(name = "Extractions", description = "Whether a report's facts have been extracted, and by which version")
public class ExtractionResource {

    public record ExtractionView(UUID reportId, String status, String extractorVersion, int factCount,
                                 long revision) {
    }

    @GET
    @Path("/{reportId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "The extraction status of a report: pending, done or failed")
    @APIResponse(responseCode = "404", description = "The report has not reached the facts service (yet)")
    public ExtractionView get(@PathParam("reportId") String reportId) {
        UUID id = QueryParameters.reportId(reportId);
        Extraction extraction = id == null ? null : Extraction.findById(id);
        if (extraction == null) {
            throw new ApiProblem(404, "Report not extracted",
                    "No report " + reportId + " has reached the facts service yet; a report just posted "
                            + "arrives within seconds.");
        }
        return new ExtractionView(extraction.reportId, extraction.status.wireName(), extraction.extractorVersion,
                extraction.factCount, extraction.revision);
    }
}
