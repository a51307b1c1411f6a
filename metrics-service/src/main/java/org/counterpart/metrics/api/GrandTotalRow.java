package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.util.List;

import org.counterpart.metrics.totals.RollUpSum;
import org.counterpart.metrics.totals.Total;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A headline figure: one metric over all selected pairs, each pair's work counted once (rule 4). */
@Schema(name = "GrandTotal", description = "The sum of the top-level selected pairs' totals of one metric")
public record GrandTotalRow(
        String metric, String unit, BigDecimal total,
        @Schema(description = "The share (0 to 1, three decimals, rounded down) of the figure that comes from claims an "
                + "analyst confirmed or corrected; 0 for a figure of 0", example = "0.75") BigDecimal reviewedShare,
        @Schema(description = "Pairs added up (child pairs of an added pair are inside it)") int pairCount,
        @Schema(description = "Distinct claims behind the figure") int claimCount,
        @Schema(description = "Reports behind the figure") int reportCount) {

    /** @param counted totals of one metric and unit, already freed of pairs whose parent is among them */
    static GrandTotalRow of(List<Total> counted) {
        Total first = counted.get(0);
        return new GrandTotalRow(first.metric(), first.unit(), RollUpSum.sum(counted), RollUpSum.reviewedShare(counted),
                counted.size(),
                counted.stream().mapToInt(Total::claimCount).sum(),
                (int) counted.stream().flatMap(total -> total.reportIds().stream()).distinct().count());
    }
}
