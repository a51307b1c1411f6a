package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.counterpart.edge.paging.PageCursor;
import org.counterpart.edge.paging.PageRequest;
import org.counterpart.edge.problem.Problem;
import org.counterpart.metrics.projection.CurrentTotals;
import org.counterpart.metrics.totals.StoredTotal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/pairs")
@Tag(name = "Totals")
public class PairsResource {

    private final CurrentTotals currentTotals;

    public PairsResource(CurrentTotals currentTotals) {
        this.currentTotals = currentTotals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every known pair with its totals and when it last changed",
            description = "Pairs reports name, and the parent pairs they roll up into. Filters as for GET /totals; "
                    + "with metric, only pairs with a total of that metric.")
    @APIResponse(responseCode = "200", description = "A page of pairs, largest aid funds first (more pages: a Link header "
            + "with rel=next)",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Link",
                    description = "<…&cursor=…>; rel=\"next\" when more pairs follow; absent on the last page",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PairRow.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pairs(@QueryParam("metric") String metric, @QueryParam("donor") String donor,
                               @QueryParam("recipient") String recipient, @QueryParam("level") String level,
                               @QueryParam("province") String province, @QueryParam("fromYear") String fromYear,
                               @QueryParam("toYear") String toYear,
                               @Parameter(description = TotalsQuery.MIN_CONFIDENCE) @QueryParam("minConfidence") String minConfidence,
                               @Parameter(description = "pairs per page, 1 to " + ListPage.MAX_LIMIT + " (default "
                                       + ListPage.DEFAULT_LIMIT + ")") @QueryParam("limit") String limit,
                               @Parameter(description = "where the page starts: the cursor of the previous page's next link")
                               @QueryParam("cursor") String cursor,
                               @Context UriInfo uri, @Context HttpHeaders headers) {
        ListPage.requireJson(headers);
        TotalsQuery query = TotalsQuery.of(metric, donor, recipient, level, province, fromYear, toYear, minConfidence, null);
        Map<String, List<StoredTotal>> byPair = currentTotals.totals(query.scope(), java.util.Optional.empty(), false).stream()
                .sorted(Comparator.comparing(StoredTotal::metric).thenComparing(StoredTotal::unit)
                        .thenComparing(StoredTotal::identity))
                .filter(query::matchesPair)
                .collect(Collectors.groupingBy(total -> total.pair().identity(), LinkedHashMap::new, Collectors.toList()));
        Map<String, Integer> reportCounts = currentTotals.reportsBehindPairs(query.scope());
        List<PairRow> rows = new ArrayList<>();
        byPair.values().forEach(totals -> {
            if (query.metric().isEmpty() || totals.stream().anyMatch(t -> t.metric().equals(query.metric().get()))) {
                rows.add(row(totals, reportCounts));
            }
        });
        rows.sort(Comparator.comparing(PairsResource::cursorOf, CURSOR_ORDER));
        PageRequest request = PageRequest.of(limit, cursor, 5, ListPage.DEFAULT_LIMIT, ListPage.MAX_LIMIT);
        ListPage<PairRow> page = ListPage.of(rows, request, PairsResource::cursorOf, CURSOR_ORDER);
        return page.response(page.rows(), uri);
    }

    /** A pair's place in the list: largest aid funds first, then by donor and recipient (names, then codes). */
    private static PageCursor cursorOf(PairRow row) {
        return PageCursor.of(row.totals().getOrDefault("funds_cny", BigDecimal.ZERO).toPlainString(), row.donor(),
                row.recipient(), String.valueOf(row.donorCode()), String.valueOf(row.recipientCode()));
    }

    private static final Comparator<PageCursor> CURSOR_ORDER = Comparator
            .comparing((PageCursor c) -> new BigDecimal(c.key(0)), Comparator.reverseOrder())
            .thenComparing(c -> c.key(1))
            .thenComparing(c -> c.key(2))
            .thenComparing(c -> c.key(3))
            .thenComparing(c -> c.key(4));

    /** @param reportCounts distinct reports behind each pair's totals, by pair identity, when they are stored */
    private static PairRow row(List<StoredTotal> totals, Map<String, Integer> reportCounts) {
        StoredTotal first = totals.get(0);
        Map<String, StoredTotal> shown = new TreeMap<>();
        // One unit per metric in the map: the one with most claims (another unit is a separate total in /totals).
        totals.stream().sorted(Comparator.comparing(StoredTotal::claimCount).reversed())
                .forEach(total -> shown.putIfAbsent(total.metric(), total));
        Map<String, BigDecimal> byMetric = new TreeMap<>();
        Map<String, BigDecimal> reviewedShares = new TreeMap<>();
        shown.forEach((metric, total) -> {
            byMetric.put(metric, total.total());
            reviewedShares.put(metric, total.reviewedShare());
        });
        return new PairRow(first.pair().donor().name(), first.pair().donor().code(),
                first.pair().recipient().name(), first.pair().recipient().code(), first.pair().level(),
                MemberView.of(first.pair().donor()), MemberView.inferred(first.pair().donor()),
                MemberView.of(first.pair().recipient()), MemberView.inferred(first.pair().recipient()),
                first.parent() == null ? null : first.parent().donor().name() + " → " + first.parent().recipient().name(),
                byMetric,
                reviewedShares,
                totals.stream().mapToInt(StoredTotal::claimCount).sum(),
                totals.get(0).reportIds() == null
                        ? reportCounts.getOrDefault(first.identity(), 0)
                        : (int) totals.stream().flatMap(t -> t.reportIds().stream()).distinct().count(),
                totals.stream().mapToInt(StoredTotal::conflictCount).sum(),
                totals.stream().allMatch(StoredTotal::derived),
                totals.stream().map(StoredTotal::lastUpdated).filter(Objects::nonNull).max(Instant::compareTo).orElse(null));
    }
}
