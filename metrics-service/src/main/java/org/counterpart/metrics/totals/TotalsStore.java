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

    /**
     * Of the given pairs (by identity), those with an actual claim of the metric and unit, each spelled as its first
     * claim by report id, then fact id, spells it: which of them the metric's roll-up has as stated pairs.
     */
    default Map<String, Pair> statedIn(MetricUnit metricUnit, Collection<String> pairIdentities) {
        Map<String, List<Claim>> byPair = new java.util.TreeMap<>();
        claimsOf(metricUnit, pairIdentities).stream().sorted(TotalCalculator.BY_SOURCE).forEach(claim ->
                byPair.computeIfAbsent(claim.pair().identity(), k -> new java.util.ArrayList<>()).add(claim));
        Map<String, Pair> stated = new java.util.TreeMap<>();
        byPair.forEach((identity, claims) -> {
            if (claims.stream().anyMatch(Claim::isActual)) {
                stated.put(identity, claims.get(0).pair());
            }
        });
        return stated;
    }

    /** The current claims in scope with these (report id, fact id): the stated totals that parts belong to. */
    List<Claim> claimsByFact(Collection<List<String>> reportAndFactIds);

    /**
     * Of the given pair identities, those some current claim in scope (of any metric) states, each spelled as its
     * first claim by report id, then fact id, spells it: the pairs the hierarchy knows.
     */
    Map<String, Pair> known(Collection<String> pairIdentities);

    /** The spellings {@link #known} gave for these pairs when they were last remembered; absent if none. */
    Map<String, Pair> remembered(Collection<String> pairIdentities);

    /** Remembers what {@link #known} gives now for these pairs (those it leaves out are forgotten). */
    void remember(Collection<String> pairIdentities, Map<String, Pair> known);

    /** The stored totals of one metric and unit, without their claims. */
    List<StoredTotal> stored(MetricUnit metricUnit);

    /** Every metric and unit that has stored totals. */
    Set<MetricUnit> storedMetricUnits();

    /** Deletes the stored totals of the trees with these tops, then stores the given ones. */
    void replace(MetricUnit metricUnit, Set<String> roots, List<StoredTotal> totals);
}
