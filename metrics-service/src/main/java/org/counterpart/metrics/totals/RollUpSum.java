package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Adds up totals of several pairs without counting a pair's work twice: a pair is left out when one of its
 * ancestor pairs is among those added, because the ancestor's total already covers it (rule 4). With every
 * pair selected this is the grand total: the sum of the top-level pairs.
 */
public final class RollUpSum {

    private RollUpSum() {
    }

    /** The totals to add for the selected ones; all of one metric and unit. */
    public static List<Total> counted(List<Total> ofOneMetric, Predicate<Total> selected) {
        Map<String, Total> byPair = new HashMap<>();
        ofOneMetric.forEach(total -> byPair.put(total.pair().identity(), total));
        Set<String> chosen = new HashSet<>();
        ofOneMetric.stream().filter(selected).forEach(total -> chosen.add(total.pair().identity()));
        return ofOneMetric.stream()
                .filter(total -> chosen.contains(total.pair().identity()))
                .filter(total -> !hasChosenAncestor(total, byPair, chosen))
                .toList();
    }

    public static BigDecimal sum(List<Total> counted) {
        return Numbers.plain(counted.stream().map(Total::total).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The share of {@link #sum} a person has checked: the counted totals' reviewed parts over their sum. */
    public static BigDecimal reviewedShare(List<Total> counted) {
        BigDecimal reviewed = counted.stream().map(Total::reviewedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return ReviewedShare.of(reviewed, sum(counted));
    }

    private static boolean hasChosenAncestor(Total total, Map<String, Total> byPair, Set<String> chosen) {
        for (Pair parent = total.parent(); parent != null; ) {
            if (chosen.contains(parent.identity())) {
                return true;
            }
            Total parentTotal = byPair.get(parent.identity());
            parent = parentTotal == null ? null : parentTotal.parent();
        }
        return false;
    }
}
