package org.counterpart.metrics.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.ClaimScope;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.Total;
import org.counterpart.metrics.totals.TotalCalculator;
import org.counterpart.metrics.totals.YearRange;

/**
 * Totals over the current facts, computed on read from the projection. Nothing derived is stored, so every
 * instance sharing the database answers alike, and a rebuilt projection gives the same totals by construction.
 * Cheap at the volumes expected (thousands of facts); a cache keyed by the newest applied event would be next.
 */
@ApplicationScoped
public class CurrentTotals {

    private final CurrentClaims claims;
    private final TotalCalculator calculator = TotalCalculator.standard();

    public CurrentTotals(CurrentClaims claims) {
        this.claims = claims;
    }

    /**
     * Every total (pairs and the parent pairs they roll up into) over the claims in scope: lying within the
     * years, of at least the confidence.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Total> totals(ClaimScope scope) {
        List<Claim> within = claims.all().stream().filter(scope::includes).toList();
        return calculator.totals(within);
    }

    /**
     * Totals per calendar year, over the claims that lie within one year (period claims of that year, or
     * cumulative ones that start and end in it): the figures of a time series.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.SortedMap<Integer, List<Total>> totalsPerYear(String metric, Confidence least) {
        List<Claim> ofMetric = claims.all().stream()
                .filter(claim -> claim.metric().equals(metric) && claim.confidence().reaches(least)).toList();
        java.util.SortedMap<Integer, List<Total>> perYear = new java.util.TreeMap<>();
        ofMetric.stream().mapToInt(claim -> claim.span().singleYear()).filter(year -> year > 0).distinct()
                .forEach(year -> perYear.put(year, calculator.totals(
                        ofMetric.stream().filter(YearRange.single(year)::contains).toList())));
        return perYear;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long reportCount() {
        return claims.reportCount();
    }
}
