package org.counterpart.metrics.projection;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.metrics.totals.Total;
import org.counterpart.metrics.totals.TotalCalculator;

/**
 * Totals over the current facts, computed on read. Cheap at the volumes of this first version (a few thousand
 * facts); if that changes, the same calculator can run after each applied event and store its rows.
 */
@ApplicationScoped
public class CurrentTotals {

    private final CurrentClaims claims;
    private final TotalCalculator calculator = TotalCalculator.firstVersion();

    public CurrentTotals(CurrentClaims claims) {
        this.claims = claims;
    }

    public List<Total> totals(Optional<String> metric) {
        return calculator.totals(metric.map(claims::ofMetric).orElseGet(claims::all));
    }
}
