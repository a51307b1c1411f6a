package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.util.List;

import org.counterpart.metrics.totals.Numbers;
import org.counterpart.metrics.totals.ReviewedShare;
import org.counterpart.metrics.totals.StoredTotal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A headline figure: one metric over all selected pairs, each pair's work counted once (rule 4). */
@Schema(name = "GrandTotal", description = "The sum of the top-level selected pairs' totals of one metric")
public record GrandTotalRow(
        @Schema(enumeration = {"funds_cny", "projects", "workers_transferred", "investment_cny", "consumption_cny", "people_trained",
                        "personnel_exchanged", "enterprises_introduced", "agreements", "people_lifted", "people_benefited",
                        "villages_benefited", "exchange_visits"}) String metric,
        String unit, BigDecimal total,
        @Schema(description = "The share (0 to 1, three decimals, rounded down) of the figure that comes from claims an "
                + "analyst confirmed or corrected; 0 for a figure of 0", example = "0.75") BigDecimal reviewedShare,
        @Schema(description = "Pairs added up (child pairs of an added pair are inside it)") int pairCount,
        @Schema(description = "Distinct claims behind the figure") int claimCount,
        @Schema(description = "Reports behind the figure") int reportCount) {

    /**
     * @param counted     totals of one metric and unit, already freed of pairs whose parent is among them
     * @param reportCount the distinct reports behind them ({@code CurrentTotals#reportsBehind})
     */
    static GrandTotalRow of(List<StoredTotal> counted, int reportCount) {
        StoredTotal first = counted.get(0);
        BigDecimal sum = Numbers.plain(counted.stream().map(StoredTotal::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal reviewed = counted.stream().map(StoredTotal::reviewedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new GrandTotalRow(first.metric(), first.unit(), sum, ReviewedShare.of(reviewed, sum),
                counted.size(),
                counted.stream().mapToInt(StoredTotal::claimCount).sum(),
                reportCount);
    }
}
