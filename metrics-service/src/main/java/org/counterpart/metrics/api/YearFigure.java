package org.counterpart.metrics.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One point of GET /timeseries. */
@Schema(name = "YearFigure", description = "A metric's total for one calendar year, over claims about that year only")
public record YearFigure(int year, String metric, String unit, BigDecimal total, int claimCount,
                         @Schema(description = "The share (0 to 1) of the figure from claims an analyst confirmed or "
                                 + "corrected") BigDecimal reviewedShare) {
}
