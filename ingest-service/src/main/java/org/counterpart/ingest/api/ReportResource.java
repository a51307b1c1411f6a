package org.counterpart.ingest.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.counterpart.edge.outbox.EventTooLargeException;
import org.counterpart.edge.outbox.OutboxEvent;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.counterpart.ingest.report.Report;
import org.counterpart.ingest.report.ReportIntake;
import org.counterpart.ingest.report.ReportStatus;
import org.counterpart.ingest.report.Submission;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/reports")
@Tag(name = "Reports", description = "Submit reports of East-West collaboration and read them back")
public class ReportResource {

    /**
     * How often a post is tried when each time it loses the unique-hash race to a report deleted before it can be
     * named; each needs a deletion to land in a narrow window, so a third is already unlikely.
     */
    private static final int ACCEPT_ATTEMPTS = 3;

    private final SubmissionReader reader;
    private final ReportIntake intake;

    public ReportResource(SubmissionReader reader, ReportIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    /** What POST answers. */
    @Schema(name = "Receipt")
    public record Receipt(@Schema(required = true) UUID id,
                          @Schema(required = true, enumeration = {"accepted", "published", "parked"}) String status,
                          @Schema(required = true, description = "true when the text was already known") Boolean duplicate) {
    }

    /** A stored report as GET shows it. */
    @Schema(name = "Report")
    public record ReportView(@Schema(required = true) UUID id,
                             @Schema(required = true, enumeration = {"accepted", "published", "parked"}) String status,
                             @Schema(nullable = true) String title,
                             @Schema(required = true, enumeration = {"en", "zh"}) String language,
                             @Schema(nullable = true) String sourceUrl,
                             @Schema(nullable = true, implementation = String.class, format = "date") LocalDate publishedAt,
                             @Schema(required = true) Instant receivedAt,
                             @Schema(required = true) String contentType,
                             @Schema(required = true, description = "SHA-256 of the normalised text") String contentHash,
                             @Schema(required = true) String text) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a report",
            description = "JSON {text, title?, language? (en|zh), sourceUrl?, publishedAt? (ISO date or date-time)}, "
                    + "or the text itself as text/plain, or an HTML page as text/html (reduced to its article text). "
                    + "The same normalised text posted again answers 200 with the existing id and duplicate=true.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionDocument.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "202", description = "Accepted; published to the reports topic shortly",
            headers = @Header(name = "Location", description = "The new report", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "200", description = "Already known: the existing report's id, duplicate=true",
            headers = @Header(name = "Location", description = "The existing report",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Empty text, invalid JSON, date or encoding")
    @APIResponse(responseCode = "413", description = "Body over 1 MiB, or an event that would be over its limit")
    @APIResponse(responseCode = "415", description = "Not JSON, plain text or HTML, or a charset not supported")
    public Response submit(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, byte[] body, @Context UriInfo uri) {
        Submission submission = reader.read(type, body == null ? new byte[0] : body);
        ReportIntake.Outcome outcome = accept(submission);
        URI location = uri.getBaseUriBuilder().path("reports").path(outcome.report().id.toString()).build();
        if (outcome.duplicate()) {
            return Response.ok(new Receipt(outcome.report().id, statusOf(outcome.report().id).wireName(), true))
                    .location(location).build();
        }
        return Response.accepted(new Receipt(outcome.report().id, ReportStatus.ACCEPTED.wireName(), false))
                .location(location).build();
    }

    /**
     * Two identical reports may race: the unique hash lets one in, and the other is its duplicate. If that winner is
     * deleted before it can be named, the text is new again and the submission is accepted once more, rather than
     * answered with the id of a deleted report.
     */
    private ReportIntake.Outcome accept(Submission submission) {
        for (int attempt = 1; ; attempt++) {
            try {
                return intake.accept(submission);
            } catch (EventTooLargeException e) {
                // Only text of many quotes, backslashes and line breaks (each escaped to two bytes) can get here.
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "This report's event would be "
                        + e.bytes() + " bytes, over the " + e.limit() + " an event may have; shorten the text.");
            } catch (PersistenceException e) {
                Report winner = intake.findByText(submission.text());
                if (winner != null) {
                    return new ReportIntake.Outcome(winner, true);
                }
                if (attempt == ACCEPT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "A stored report and its metadata")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report (or an id that is not a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportView get(@PathParam("id") String id) {
        UUID reportId = parseId(id);
        Report report = Report.findById(reportId);
        if (report == null) {
            throw ProblemException.notFound("No report has the id " + id + ".");
        }
        return new ReportView(report.id, statusOf(report.id).wireName(), report.title, report.language,
                report.sourceUrl, report.publishedAt, report.receivedAt, report.contentType, report.contentHash,
                report.text);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Withdraw a report",
            description = "Removes the report and publishes ReportDeleted; its facts and their share of the totals "
                    + "are taken away downstream.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such report (or an id that is not a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        if (!intake.delete(parseId(id))) {
            throw ProblemException.notFound("No report has the id " + id + ".");
        }
        return Response.noContent().build();
    }

    /** Called from within the resource, so an interceptor would not apply: reads need no transaction here. */
    private ReportStatus statusOf(UUID reportId) {
        if (OutboxEvent.count("aggregateId = ?1 and parkedAt is not null", reportId) > 0) {
            return ReportStatus.PARKED;
        }
        long pending = OutboxEvent.count("aggregateId = ?1 and publishedAt is null", reportId);
        return pending == 0 ? ReportStatus.PUBLISHED : ReportStatus.ACCEPTED;
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Report ids are UUIDs; " + id + " is not one.");
        }
    }

    /** The JSON body, for the API documentation. */
    @Schema(name = "Submission")
    public record SubmissionDocument(
            @Schema(required = true, description = "The report text (or HTML when format is html)") String text,
            String title,
            @Schema(enumeration = {"en", "zh"}, description = "Guessed from the text when absent") String language,
            String sourceUrl,
            @Schema(description = "ISO date or date-time of publication", example = "2020-05-23") String publishedAt,
            @Schema(enumeration = {"text", "html"}, description = "html: text is an HTML page to reduce")
            String format) {
    }
}
