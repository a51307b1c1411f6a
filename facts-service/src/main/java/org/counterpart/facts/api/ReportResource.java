package org.counterpart.facts.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.counterpart.edge.access.RequiresRole;
import org.counterpart.edge.access.Role;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.facts.ledger.Fact;
import org.counterpart.facts.ledger.FactDocument;
import org.counterpart.facts.ledger.FactReviews;
import org.counterpart.facts.ledger.SourceReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A stored report with all its facts (what the report view shows, every figure at its offsets in the text), and the
 * facts analysts add to it.
 */
@Path("/reports")
@Tag(name = "Reports", description = "The facts service's copy of each report, with its facts")
public class ReportResource {

    @Schema(name = "ReportWithFacts")
    public record ReportView(@Schema(required = true) UUID id, @Schema(nullable = true) String title,
                             @Schema(nullable = true, enumeration = {"en", "zh"}) String language,
                             @Schema(nullable = true, implementation = String.class, format = "date") LocalDate publishedAt, @Schema(nullable = true) String sourceUrl,
                             @Schema(required = true) String text, @Schema(required = true) List<FactDocument> facts) {
    }

    private final ObjectMapper json;
    private final FactReviews reviews;

    public ReportResource(ObjectMapper json, FactReviews reviews) {
        this.json = json;
        this.reviews = reviews;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "The report's text, title, original URL and facts (rejected ones flagged, analysts' "
            + "included)")
    @APIResponse(responseCode = "200", description = "The report with its facts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "Never received, or deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportView report(@PathParam("id") String id) {
        SourceReport report = SourceReport.findById(parse(id));
        if (report == null) {
            throw ProblemException.notFound("The facts service holds no report " + id + ".");
        }
        return new ReportView(report.id, report.title, report.language, report.publishedAt, report.sourceUrl,
                report.text, Fact.ofReport(report.id).stream().map(f -> FactDocument.of(f, json)).toList());
    }

    @POST
    @Path("/{id}/facts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.REVIEWER)
    @Operation(summary = "Add a fact the machine missed: {figureStart, figureEnd (offsets into the report text), "
            + "metric, value, donor, recipient, unit?, qualifier?, basis?, periodStart?, periodEnd?, asOf?, note?}. "
            + "The evidence sentence is taken from the stored text; the fact has origin \"analyst\".")
    @APIResponse(responseCode = "201", description = "The new fact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FactDocument.class)))
    @APIResponse(responseCode = "400", description = "Offsets outside the text, a missing or unreadable field")
    @APIResponse(responseCode = "404", description = "Never received, or deleted")
    @APIResponse(responseCode = "409", description = "A fact of that metric already stands at that figure")
    public Response add(@PathParam("id") String id, Map<String, Object> body, @Context SecurityContext caller) {
        UUID reportId = parse(id);
        Map<String, Object> fields = new LinkedHashMap<>(body == null ? Map.of() : body);
        int start = ReviewRequests.offset(fields.remove("figureStart"), "figureStart");
        int end = ReviewRequests.offset(fields.remove("figureEnd"), "figureEnd");
        String note = ReviewRequests.note(fields.remove("note"));
        ReviewRequests.unknownFields(fields);
        Fact fact = ReviewRequests.refusedAsProblem(() -> reviews.add(reportId, new FactReviews.AddedFact(start, end, fields, note),
                ReviewRequests.by(caller)))
                .orElseThrow(() -> ProblemException.notFound("The facts service holds no report " + id + "."));
        return Response.status(Response.Status.CREATED).entity(FactDocument.of(fact, json)).build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("The facts service holds no report " + id + ".");
        }
    }
}
