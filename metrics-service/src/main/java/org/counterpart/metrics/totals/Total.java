package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.util.List;

/**
 * A running total of one metric for one pair, with the claims it was built from so that a reader can trace
 * every unit of it back to a report.
 */
public record Total(Pair pair, String metric, String unit, BigDecimal total, List<DistinctClaim> counted) {

    public Total {
        counted = List.copyOf(counted);
    }

    /** How many distinct claims were added up (a claim restated by several reports is one). */
    public int claimCount() {
        return counted.size();
    }
}
