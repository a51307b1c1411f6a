package org.counterpart.metrics.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

@Path("/timeseries")
@Tag(name = "Totals")
public class TimeseriesResource {

    private final CurrentTotals currentTotals;

    public TimeseriesResource(CurrentTotals currentTotals) {
        this.currentTotals = currentTotals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per-year figures of one metric",
            description = "For each calendar year, the totals over claims lying within that year (period claims for the "
                    + "year or part of it; running totals that span several years cannot be split and are left out), "
                    + "summed over the selected pairs without counting a child pair inside its parent again.")
    @APIResponse(responseCode = "200", description = "One figure per year and unit, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = YearFigure.class)))
    @APIResponse(responseCode = "400", description = "metric missing or a parameter refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<YearFigure> timeseries(@QueryParam("metric") String metric, @QueryParam("donor") String donor,
                                       @QueryParam("recipient") String recipient, @QueryParam("level") String level,
                                       @QueryParam("province") String province, @QueryParam("fromYear") String fromYear,
                                       @QueryParam("toYear") String toYear,
                                       @Parameter(description = TotalsQuery.MIN_CONFIDENCE)
                                       @QueryParam("minConfidence") String minConfidence) {
        TotalsQuery query = TotalsQuery.of(metric, donor, recipient, level, province, fromYear, toYear, minConfidence, null);
        String code = query.metric().orElseThrow(() -> new InvalidQueryException(
                List.of(new Problem.InvalidParam("metric", "required"))));
        List<YearFigure> figures = new ArrayList<>();
        currentTotals.totalsPerYear(code, query.minConfidence()).forEach((year, totals) -> {
            if (!inRange(year, query)) {
                return;
            }
            Map<String, List<StoredTotal>> byUnit = totals.stream().collect(Collectors.groupingBy(StoredTotal::unit));
            byUnit.forEach((unit, ofUnit) -> {
                List<StoredTotal> counted = TotalsResource.counted(ofUnit, query);
                if (!counted.isEmpty()) {
                    GrandTotalRow sum = GrandTotalRow.of(counted, 0);
                    figures.add(new YearFigure(year, code, unit, sum.total(), sum.claimCount(), sum.reviewedShare()));
                }
            });
        });
        return figures;
    }

    private static boolean inRange(int year, TotalsQuery query) {
        return (query.years().from() == null || year >= query.years().from())
                && (query.years().to() == null || year <= query.years().to());
    }
}
