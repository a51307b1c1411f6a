package org.counterpart.metrics.totals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where {@link IncrementalTotals} reads the current claims of one scope and keeps the totals it works out. The
 * service keeps both in its database; tests keep them in memory.
 */
public interface TotalsStore {

    /** A metric and unit: totals of different ones never touch each other. */
    record MetricUnit(String metric, String unit) {
    }

    /** The current claims in scope of one metric and unit that the given pairs (by identity) state. */
    List<Claim> claimsOf(MetricUnit metricUnit, Collection<String> pairIdentities);

    /** The current claims in scope with these (report id, fact id): the stated totals that parts belong to. */
    List<Claim> claimsByFact(Collection<List<String>> reportAndFactIds);

    /**
     * Of the given pair identities, those some current claim in scope (of any metric) states, each spelled as its
     * first claim by report id, then fact id, spells it: the pairs the hierarchy knows.
     */
    Map<String, Pair> known(Collection<String> pairIdentities);

    /** The stored totals of one metric and unit, without their claims. */
    List<StoredTotal> stored(MetricUnit metricUnit);

    /** Every metric and unit that has stored totals. */
    Set<MetricUnit> storedMetricUnits();

    /** Deletes the stored totals of the trees with these tops, then stores the given ones. */
    void replace(MetricUnit metricUnit, Set<String> roots, List<StoredTotal> totals);
}
