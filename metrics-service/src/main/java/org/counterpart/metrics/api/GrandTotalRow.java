package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.counterpart.metrics.projection.ReportsBehind;
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
        @Schema(description = "Reports behind the figure") int reportCount,
        @Schema(nullable = true, implementation = String.class, format = "date", example = "2024-05-10",
                description = "The publication date of the newest report behind the figure; null when none of its "
                        + "reports gave a date") LocalDate newestReport,
        @Schema(nullable = true, implementation = String.class, format = "date-time",
                description = "When a report behind the figure last changed (facts-service recorded its facts); "
                        + "null when not recorded") Instant lastChanged) {

    /**
     * @param counted totals of one metric and unit, already freed of pairs whose parent is among them
     * @param reports the distinct reports behind them ({@code CurrentTotals#reportsBehind})
     */
    static GrandTotalRow of(List<StoredTotal> counted, ReportsBehind reports) {
        StoredTotal first = counted.get(0);
        BigDecimal sum = Numbers.plain(counted.stream().map(StoredTotal::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal reviewed = counted.stream().map(StoredTotal::reviewedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new GrandTotalRow(first.metric(), first.unit(), sum, ReviewedShare.of(reviewed, sum),
                counted.size(),
                counted.stream().mapToInt(StoredTotal::claimCount).sum(),
                reports.count(), reports.newestPublished(),
                // A total's lastUpdated covers its child pairs, so the counted totals' latest is the figure's.
                counted.stream().map(StoredTotal::lastUpdated).filter(Objects::nonNull).max(Instant::compareTo)
                        .orElse(null));
    }

    /** The figure alone, when who stands behind it is not asked (a year of a time series). */
    static GrandTotalRow of(List<StoredTotal> counted, int reportCount) {
        return of(counted, new ReportsBehind(reportCount, null));
    }
}
