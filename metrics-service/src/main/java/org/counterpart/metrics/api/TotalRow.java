package org.counterpart.metrics.api;

import java.math.BigDecimal;

import org.counterpart.metrics.totals.Total;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of GET /totals. */
@Schema(name = "Total", description = "The running total of one metric for one donor-recipient pair")
public record TotalRow(
        @Schema(description = "Donor region or group, by name", example = "Dalian") String donor,
        @Schema(description = "Recipient region or group, by name", example = "Liupanshui") String recipient,
        @Schema(description = "Metric code", example = "funds_cny") String metric,
        @Schema(description = "Unit of the total", example = "CNY") String unit,
        @Schema(description = "Sum of the distinct actual claims", example = "487000000") BigDecimal total,
        @Schema(description = "Distinct claims added up; a claim restated by several reports counts once", example = "2")
        int claimCount) {

    static TotalRow of(Total total) {
        return new TotalRow(total.pair().donor().name(), total.pair().recipient().name(), total.metric(),
                total.unit(), total.total(), total.claimCount());
    }
}
