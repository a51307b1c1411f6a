package org.counterpart.metrics.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One point of GET /timeseries. */
@Schema(name = "YearFigure", description = "A metric's total for one calendar year, over claims about that year only")
public record YearFigure(int year,
                         @Schema(enumeration = {"funds_cny", "projects", "workers_transferred", "investment_cny", "consumption_cny", "people_trained",
                        "personnel_exchanged", "enterprises_introduced", "agreements", "people_lifted", "people_benefited",
                        "villages_benefited", "exchange_visits"}) String metric,
                         String unit, BigDecimal total, int claimCount,
                         @Schema(description = "The share (0 to 1) of the figure from claims an analyst confirmed or "
                                 + "corrected") BigDecimal reviewedShare) {
}
