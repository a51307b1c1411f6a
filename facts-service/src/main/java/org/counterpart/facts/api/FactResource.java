package org.counterpart.facts.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.counterpart.edge.export.CsvRow;
import org.counterpart.edge.paging.PageCursor;
import org.counterpart.edge.paging.PageRequest;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.counterpart.facts.ledger.Fact;
import org.counterpart.facts.ledger.FactDocument;
import org.counterpart.facts.ledger.FactQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/facts")
@Tag(name = "Facts", description = "Cooperation records extracted from reports, each with its evidence sentence")
public class FactResource {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    private final ObjectMapper json;

    public FactResource(ObjectMapper json) {
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Current facts, filtered by report, donor, recipient (name or GB/T 2260 code; a group also "
            + "by a member's), metric and confidence; a page at a time (more pages: a Link header with rel=next)")
    @APIResponse(responseCode = "200", description = "A page of facts, in report order", headers = @Header(
            name = "Link", description = "<…&cursor=…>; rel=\"next\" when more facts follow; absent on the last page",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = FactDocument.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor was refused (see invalidParams)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response facts(
            @Parameter(description = "report id (UUID)") @QueryParam("reportId") String reportId,
            @Parameter(description = "donor region name or code; a group by its name or a member's name or code")
            @QueryParam("donor") String donor,
            @Parameter(description = "recipient region name or code; a group by its name or a member's name or code")
            @QueryParam("recipient") String recipient,
            @Parameter(description = "metric code, e.g. funds_cny", schema = @Schema(enumeration = {"funds_cny",
                    "projects", "workers_transferred", "investment_cny", "consumption_cny", "people_trained",
                    "personnel_exchanged", "enterprises_introduced", "agreements", "people_lifted",
                    "people_benefited", "villages_benefited", "exchange_visits"}))
            @QueryParam("metric") String metric,
            @Parameter(description = "high, medium or low: facts at least this confident (default: all)",
                    schema = @Schema(enumeration = {"high", "medium", "low"}))
            @QueryParam("minConfidence") String minConfidence,
            @Parameter(description = "facts per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000"))
            @QueryParam("limit") String limit,
            @Parameter(description = "where the page starts: the cursor of the previous page's next link")
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        FactQuery query = new FactQuery(QueryParameters.reportId(reportId), QueryParameters.party("donor", donor),
                QueryParameters.party("recipient", recipient), QueryParameters.metric(metric),
                QueryParameters.minConfidence(minConfidence));
        PageRequest request = PageRequest.of(limit, cursor, 3, DEFAULT_LIMIT, MAX_LIMIT);
        int size = request.limit();
        // one more than asked: whether a next page exists, without counting
        List<Fact> facts = query.run(request.after().map(FactResource::after).orElse(null), size + 1);
        boolean more = facts.size() > size;
        List<Fact> page = more ? facts.subList(0, size) : facts;
        String next = more ? FactQuery.Cursor.after(page.get(page.size() - 1)).page().encode() : null;
        return PageRequest.linkNext(Response.ok(page.stream().map(f -> FactDocument.of(f, json)).toList()), uri, next)
                .build();
    }

    /** The media type of the JSON-lines export: one fact document per line. */
    static final String JSON_LINES = "application/x-ndjson";

    /** Facts read per transaction while an export streams: what it holds in memory at most. */
    static final int EXPORT_PAGE = 500;

    @GET
    @Path("/export")
    @Produces({JSON_LINES, CsvRow.MEDIA_TYPE})
    @Operation(summary = "Every current fact that matches, streamed: JSON lines (one fact as GET /facts gives it per "
            + "line) or CSV (Accept: text/csv), in report order",
            description = "Written as it is read, a few hundred facts at a time, each batch in its own short "
                    + "transaction: an export of the whole record needs no more memory than one batch. Facts that "
                    + "change while it runs appear as they are when their batch is read.")
    @APIResponse(responseCode = "200", description = "The facts, JSON lines (one Fact per line) or CSV",
            content = {@Content(mediaType = JSON_LINES, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = CsvRow.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A filter was refused (see invalidParams)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@QueryParam("reportId") String reportId, @QueryParam("donor") String donor,
                           @QueryParam("recipient") String recipient, @QueryParam("metric") String metric,
                           @QueryParam("minConfidence") String minConfidence, @Context HttpHeaders headers) {
        FactQuery query = new FactQuery(QueryParameters.reportId(reportId), QueryParameters.party("donor", donor),
                QueryParameters.party("recipient", recipient), QueryParameters.metric(metric),
                QueryParameters.minConfidence(minConfidence));
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.valueOf(CsvRow.MEDIA_TYPE)) && !type.isWildcardType());
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            if (csv) {
                writer.write(CsvRow.of(CSV_COLUMNS.toArray()));
            }
            FactQuery.Cursor after = null;
            Batch batch;
            do {
                FactQuery.Cursor from = after;
                // Mapped inside the batch's transaction, so that nothing is read from an entity after it ends.
                batch = QuarkusTransaction.requiringNew().call(() -> Batch.of(query.run(from, EXPORT_PAGE), json));
                for (FactDocument fact : batch.documents()) {
                    writer.write(csv ? csvRow(fact) : json.writeValueAsString(fact) + "\n");
                }
                writer.flush();
                after = batch.last();
            } while (batch.documents().size() == EXPORT_PAGE);
            writer.flush();
        };
        return Response.ok(body, csv ? CsvRow.MEDIA_TYPE + "; charset=UTF-8" : JSON_LINES).build();
    }

    /** One batch of an export, and where the next starts. */
    private record Batch(List<FactDocument> documents, FactQuery.Cursor last) {

        static Batch of(List<Fact> facts, ObjectMapper json) {
            return new Batch(facts.stream().map(fact -> FactDocument.of(fact, json)).toList(),
                    facts.isEmpty() ? null : FactQuery.Cursor.after(facts.get(facts.size() - 1)));
        }
    }

    static final List<String> CSV_COLUMNS = List.of("id", "reportId", "metric", "value", "unit", "qualifier", "basis",
            "periodStart", "periodEnd", "asOf", "donor", "donorCode", "recipient", "recipientCode", "confidence",
            "origin", "reviewStatus", "evidence");

    private static String csvRow(FactDocument fact) {
        return CsvRow.of(fact.id(), fact.reportId(), fact.metric(), fact.value(), fact.unit(), fact.qualifier(),
                fact.basis(), fact.periodStart(), fact.periodEnd(), fact.asOf(), fact.donor().name(),
                fact.donor().code(), fact.recipient().name(), fact.recipient().code(), fact.confidence(), fact.origin(),
                fact.review() == null ? null : fact.review().status(),
                fact.evidence() == null ? null : fact.evidence().sentence());
    }

    private static FactQuery.Cursor after(PageCursor cursor) {
        try {
            return FactQuery.Cursor.of(cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_QUERY, "cursor is not one this list gave out.");
        }
    }
}
