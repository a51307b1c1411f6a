package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.counterpart.edge.export.CsvDownload;
import org.counterpart.edge.paging.PageCursor;
import org.counterpart.edge.paging.PageRequest;
import org.counterpart.edge.problem.Problem;
import org.counterpart.metrics.projection.CurrentTotals;
import org.counterpart.metrics.totals.MetricVocabulary;
import org.counterpart.metrics.totals.StoredTotal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/totals")
@Tag(name = "Totals", description = "Running totals over the current facts of current reports, by the five rules of docs/domain.md")
public class TotalsResource {

    private final CurrentTotals currentTotals;
    private final ClaimViews claimViews;
    private final TotalsChangeFeed changes;

    public TotalsResource(CurrentTotals currentTotals, ClaimViews claimViews, TotalsChangeFeed changes) {
        this.currentTotals = currentTotals;
        this.claimViews = claimViews;
        this.changes = changes;
    }

    /** The OpenAPI text of the CSV answers' Content-Disposition and body. */
    static final String CSV_DISPOSITION = "On the CSV answer only: attachment; filename=\"counterpart-….csv\" (with "
            + "filename*=UTF-8''… when the name is not plain ASCII)";
    static final String CSV_BODY = "UTF-8 with a byte order mark (EF BB BF), RFC 4180, CRLF line ends; a header row "
            + "naming the columns (docs/api.md)";
    static final String FORMAT = "json (the default: a page of rows) or csv (a file of every matching row); without "
            + "it, Accept: text/csv asks for the CSV too";

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(summary = "Totals per donor, recipient and metric",
            description = "Plans never count; the same claim from several reports counts once; of claims whose time "
                    + "spans overlap only the largest non-overlapping sum counts; a parent pair totals the larger of "
                    + "its own claims and its child pairs. Parent pairs that no report names (Guangdong -> Guangxi "
                    + "over Shenzhen -> Baise) are rows too. A group party (Shanghai and Guangdong) is never split: "
                    + "its pair is a row of its own, with its members, and the parent of its members' pairs. A part "
                    + "of a stated total is never added to it. With fromYear/toYear only claims lying wholly within "
                    + "those years count; by default only high- and medium-confidence facts count (minConfidence). "
                    + "Facts an analyst rejected never count; corrected facts count with their corrected values. Each "
                    + "row says how much of its total an analyst confirmed or corrected (reviewedShare). "
                    + "Sorted by metric, then largest total first; a page at a time (more pages: a Link header with "
                    + "rel=next). Also as a CSV file of every matching row, not paged (format=csv, or Accept: "
                    + "text/csv): one row per total, or with expand=claims one row per claim and total it belongs to; "
                    + "summing its inGrandTotal column gives /totals/grand of the same filters (docs/api.md).")
    @APIResponse(responseCode = "200", description = "A page of the matching totals, possibly none; or the CSV file",
            headers = {@org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Link",
                    description = "<…&cursor=…>; rel=\"next\" when more rows follow; absent on the last page and on CSV",
                    schema = @Schema(type = SchemaType.STRING)),
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(name = CsvDownload.CONTENT_DISPOSITION,
                            description = CSV_DISPOSITION, schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TotalRow.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = CSV_BODY))})
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response totals(
            @Parameter(description = "Metric code, e.g. funds_cny") @QueryParam("metric") String metric,
            @Parameter(description = "Donor name or administrative code, ignoring case") @QueryParam("donor") String donor,
            @Parameter(description = "Recipient name or administrative code, ignoring case") @QueryParam("recipient") String recipient,
            @Parameter(description = "The pair's level (the lower of its sides'): province, prefecture, county or group")
            @QueryParam("level") String level,
            @Parameter(description = "Only pairs with a side in this province (name or code, e.g. Guangdong or 44)")
            @QueryParam("province") String province,
            @Parameter(description = "First year, e.g. 2016") @QueryParam("fromYear") String fromYear,
            @Parameter(description = "Last year, e.g. 2020") @QueryParam("toYear") String toYear,
            @Parameter(description = TotalsQuery.MIN_CONFIDENCE) @QueryParam("minConfidence") String minConfidence,
            @Parameter(description = "\"claims\" to list each total's claims, used and unused") @QueryParam("expand") String expand,
            @Parameter(description = "rows per page, 1 to " + ListPage.MAX_LIMIT + " (default " + ListPage.DEFAULT_LIMIT + ")")
            @QueryParam("limit") String limit,
            @Parameter(description = "where the page starts: the cursor of the previous page's next link")
            @QueryParam("cursor") String cursor,
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"},
                    defaultValue = "json")) @QueryParam(CsvDownload.FORMAT) String format,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        boolean csv = CsvDownload.asked(format, headers);
        TotalsQuery query = TotalsQuery.of(metric, donor, recipient, level, province, fromYear, toYear, minConfidence, expand);
        if (csv) {
            return totalsAsCsv(query, metric, donor, recipient, province);
        }
        PageRequest request = PageRequest.of(limit, cursor, 6, ListPage.DEFAULT_LIMIT, ListPage.MAX_LIMIT);
        // The page is chosen over the rows without claims; only its own rows get theirs (their trees worked out).
        ListPage<StoredTotal> page = ListPage.of(currentTotals.totals(query.scope(), query.metric(), false).stream()
                        .filter(query::matches).sorted(TotalsQuery.STORED_ORDER).toList(),
                request, TotalsResource::cursorOf, TotalsResource.CURSOR_ORDER);
        List<StoredTotal> rows = query.expand() ? currentTotals.withClaims(query.scope(), page.rows()) : page.rows();
        // JSON even when Accept prefers CSV: format=json asked for it
        return Response.fromResponse(page.response(rows.stream()
                .map(total -> TotalRow.of(total, query.expand() ? claimViews.all(total) : null)).toList(), uri))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A row's place in {@link TotalsQuery#STORED_ORDER}, as a cursor. */
    static PageCursor cursorOf(StoredTotal total) {
        return PageCursor.of(total.metric(), total.total().toPlainString(), total.pair().donor().name(),
                total.pair().recipient().name(), total.unit(), total.identity());
    }

    /** {@link TotalsQuery#STORED_ORDER} over cursors. */
    static final Comparator<PageCursor> CURSOR_ORDER = Comparator
            .comparing((PageCursor c) -> c.key(0))
            .thenComparing(c -> new BigDecimal(c.key(1)), Comparator.reverseOrder())
            .thenComparing(c -> c.key(2))
            .thenComparing(c -> c.key(3))
            .thenComparing(c -> c.key(4))
            .thenComparing(c -> c.key(5));

    /**
     * Every matching total (not a page), each marked with whether the grand total of the same filters adds it up:
     * the totals {@link #counted} keeps, as {@link #grand} adds them.
     */
    private Response totalsAsCsv(TotalsQuery query, String metric, String donor, String recipient, String province) {
        List<StoredTotal> all = currentTotals.totals(query.scope(), query.metric(), query.expand());
        java.util.Set<List<String>> inGrand = countedPerMetricUnit(all, query).stream().flatMap(List::stream)
                .map(TotalsResource::grandKey).collect(Collectors.toSet());
        List<Csv.Listed> listed = all.stream().filter(query::matches).sorted(TotalsQuery.STORED_ORDER)
                .map(total -> new Csv.Listed(total, inGrand.contains(grandKey(total)))).toList();
        String file = CsvDownload.fileName("counterpart", query.expand() ? "claims" : "totals", donor, recipient,
                province, metric);
        return CsvDownload.of(file, query.expand() ? Csv.claims(listed, claimViews) : Csv.totals(listed));
    }

    /**
     * The totals the grand totals of these filters add up ({@link #counted}), one list per metric and unit that has
     * any: what {@link #grand} sums, and what the CSV files mark inGrandTotal.
     */
    static List<List<StoredTotal>> countedPerMetricUnit(List<StoredTotal> all, TotalsQuery query) {
        return all.stream()
                .filter(total -> query.metric().map(total.metric()::equals).orElse(true))
                .collect(Collectors.groupingBy(total -> List.of(total.metric(), total.unit())))
                .values().stream().map(ofOne -> counted(ofOne, query)).filter(counted -> !counted.isEmpty()).toList();
    }

    private static List<String> grandKey(StoredTotal total) {
        return List.of(total.metric(), total.unit(), total.identity());
    }

    @GET
    @Path("/{donor}/{recipient}/{metric}")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(summary = "One total with the claims it used and did not use, and their sources",
            description = "Each claim lists every report stating it, with the evidence sentence and a link to the fact "
                    + "in facts-service, its review (who confirmed or corrected it, and when) with a link to the report "
                    + "view where it is checked, and its confidence with the reasons. Unused claims carry a reason: overlapped, "
                    + "duplicate, conflict, plan, child_pairs_larger or part. Also as a CSV file of its claims "
                    + "(format=csv, or Accept: text/csv), one row per claim, in the columns of /totals?expand=claims: "
                    + "summing countedValue gives the total; inGrandTotal is countedValue when the pair is at the top "
                    + "of its tree (the unfiltered grand total adds it), else 0.")
    @APIResponse(responseCode = "200", description = "The total; or the CSV file of its claims",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = CsvDownload.CONTENT_DISPOSITION,
                    description = CSV_DISPOSITION, schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TotalDetail.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = CSV_BODY))})
    @APIResponse(responseCode = "400", description = "A parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No actual claim for this pair and metric",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response total(
            @Parameter(description = "Donor name or code") @PathParam("donor") String donor,
            @Parameter(description = "Recipient name or code") @PathParam("recipient") String recipient,
            @Parameter(description = "Metric code") @PathParam("metric") String metric,
            @Parameter(description = "First year") @QueryParam("fromYear") String fromYear,
            @Parameter(description = "Last year") @QueryParam("toYear") String toYear,
            @Parameter(description = TotalsQuery.MIN_CONFIDENCE) @QueryParam("minConfidence") String minConfidence,
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"},
                    defaultValue = "json")) @QueryParam(CsvDownload.FORMAT) String format,
            @Context HttpHeaders headers) {
        boolean csv = CsvDownload.asked(format, headers);
        TotalsQuery query = TotalsQuery.of(metric, donor, recipient, null, null, fromYear, toYear, minConfidence, null);
        StoredTotal total = find(query, donor, recipient, metric);
        if (csv) {
            // All rows belong to this one total; the unfiltered grand total adds it when nothing is above it.
            return CsvDownload.of(CsvDownload.fileName("counterpart", "claims", total.pair().donor().name(),
                            total.pair().recipient().name(), total.metric()),
                    Csv.claims(List.of(new Csv.Listed(total, total.isRoot())), claimViews));
        }
        StoredTotal parent = total.parent() == null ? null : currentTotals
                .totalsOfPairs(query.scope(), total.metric(), List.of(total.parentIdentity()), false).stream()
                .filter(t -> t.unit().equals(total.unit()))
                .findFirst().orElse(null);
        return Response.ok(TotalDetail.of(total, parent, currentTotals.childPairs(query.scope(), total), claimViews),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The total of the pair and metric, with its claims: of the metric's totals, the one the path names. */
    private StoredTotal find(TotalsQuery query, String donor, String recipient, String metric) {
        if (query.metric().isEmpty() || query.donor().isEmpty() || query.recipient().isEmpty()) {
            throw new InvalidQueryException(List.of(new Problem.InvalidParam("path", "donor, recipient and metric are required")));
        }
        List<String> matching = currentTotals.totals(query.scope(), query.metric(), false).stream()
                .filter(query::matches).map(StoredTotal::identity).distinct().toList();
        return currentTotals.totalsOfPairs(query.scope(), query.metric().get(), matching, true).stream()
                .filter(query::matches)
                .min(Comparator.comparing(StoredTotal::claimCount, Comparator.reverseOrder()).thenComparing(StoredTotal::unit))
                .orElseThrow(() -> new UnknownTotalException(
                        "No " + metric + " total for " + donor + " -> " + recipient + " (no actual claim)"));
    }

    @GET
    @Path("/grand")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grand totals per metric: the headline figures",
            description = "Per metric, the sum over the selected pairs where a pair inside another selected pair (by "
                    + "the region hierarchy) is not added again; with no filter, the sum of the top-level pairs. "
                    + "reviewedShare says how much of each figure an analyst confirmed or corrected; newestReport "
                    + "and lastChanged say how recent its reports are.")
    @APIResponse(responseCode = "200", description = "One row per metric and unit, headline metrics first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = GrandTotalRow.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<GrandTotalRow> grand(@QueryParam("metric") String metric, @QueryParam("donor") String donor,
                                     @QueryParam("recipient") String recipient, @QueryParam("level") String level,
                                     @QueryParam("province") String province, @QueryParam("fromYear") String fromYear,
                                     @QueryParam("toYear") String toYear,
                                     @Parameter(description = TotalsQuery.MIN_CONFIDENCE)
                                     @QueryParam("minConfidence") String minConfidence) {
        TotalsQuery query = TotalsQuery.of(metric, donor, recipient, level, province, fromYear, toYear, minConfidence, null);
        return grandTotals(currentTotals.totals(query.scope(), query.metric(), false), query,
                counted -> currentTotals.reportsBehind(query.scope(), counted));
    }

    /** @param reportsBehind the distinct reports behind some totals of one metric and unit, and the newest's date */
    static List<GrandTotalRow> grandTotals(List<StoredTotal> all, TotalsQuery query,
                                           java.util.function.Function<List<StoredTotal>,
                                                   org.counterpart.metrics.projection.ReportsBehind> reportsBehind) {
        List<GrandTotalRow> rows = new ArrayList<>();
        countedPerMetricUnit(all, query).forEach(counted -> rows.add(GrandTotalRow.of(counted, reportsBehind.apply(counted))));
        rows.sort(Comparator.comparing((GrandTotalRow row) -> metricRank(row.metric()))
                .thenComparing(GrandTotalRow::claimCount, Comparator.reverseOrder())
                .thenComparing(GrandTotalRow::unit));
        return rows;
    }

    /**
     * The selected totals of one metric and unit without those inside another selected one (rule 4, as
     * {@link org.counterpart.metrics.totals.RollUpSum} does for totals being calculated), in the order of their pairs.
     */
    static List<StoredTotal> counted(List<StoredTotal> ofOne, TotalsQuery query) {
        Map<String, StoredTotal> byPair = new java.util.HashMap<>();
        ofOne.forEach(total -> byPair.put(total.identity(), total));
        java.util.Set<String> chosen = ofOne.stream().filter(query::matchesPair).map(StoredTotal::identity)
                .collect(Collectors.toSet());
        return ofOne.stream()
                .filter(total -> chosen.contains(total.identity()))
                .filter(total -> {
                    for (String parent = total.parentIdentity(); parent != null; ) {
                        if (chosen.contains(parent)) {
                            return false;
                        }
                        StoredTotal parentTotal = byPair.get(parent);
                        parent = parentTotal == null ? null : parentTotal.parentIdentity();
                    }
                    return true;
                })
                .sorted(Comparator.comparing(StoredTotal::identity))
                .toList();
    }

    private static int metricRank(String metric) {
        int rank = MetricVocabulary.ALL.indexOf(metric);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live stream of changed totals (server-sent events, resumable)",
            description = "Named events, data JSON. totals-changed: after each applied facts event (several merged "
                    + "when they come quickly), a TotalsChange with the new totals of the affected pairs and of the "
                    + "pairs they roll up into. rebuild: after POST /admin/rebuild, a TotalsChange with all totals. "
                    + "reset: what the client missed cannot be told, reload everything ({\"reason\": \"unknown-id\" | "
                    + "\"expired\" | \"not-announced\"}). ready: the first event of a stream opened without "
                    + "Last-Event-ID ({\"newestId\": …}). heartbeat: every counterpart.live-stream.heartbeat (15 s), "
                    + "no id ({\"at\": instant}); a client that hears nothing for longer should reconnect. "
                    + "Every event but heartbeat has an id <run>-<n>, n increasing by one per announcement of this "
                    + "instance's run. Reconnecting with Last-Event-ID (browsers' EventSource sends it by itself; or "
                    + "?lastEventId=) replays the totals-changed events after that id from the last "
                    + "counterpart.live-stream.replay-size (256) announcements; an id older than those, of another "
                    + "run (a restart, another instance) or before a rebuild is answered with reset instead. Changes "
                    + "stay recorded for counterpart.live-stream.keep-after-last-client (10 min) after the last "
                    + "client left; later ones are answered with reset too.")
    @APIResponse(responseCode = "200", description = "text/event-stream; the data of totals-changed and rebuild "
            + "events is a TotalsChange",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = TotalsChange.class)))
    public Multi<jakarta.ws.rs.sse.OutboundSseEvent> stream(
            @Parameter(description = "The id of the last event the client saw; missed events are replayed after it")
            @jakarta.ws.rs.HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "Same as the Last-Event-ID header, for clients that cannot set it; the header wins")
            @QueryParam("lastEventId") String lastEventIdParam,
            @Context jakarta.ws.rs.sse.Sse sse) {
        return changes.stream(lastEventId != null ? lastEventId : lastEventIdParam, sse);
    }
}
