package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * DOMAIN rule 2: the same claim stated by several reports (or twice in one) counts once. Two claims are the same
 * when they agree on pair, metric, unit, basis and period/as-of date, and their values are within 1% of each
 * other, or one is an at-least bound that the other's figure satisfies.
 *
 * <p>"Within 1%" is not transitive (100, 100.9 and 101.8), so claims are merged greedily in a fixed order: the
 * most precise and largest figure first, each later claim joining the first group whose counted claim it
 * matches. That makes the result independent of the order reports arrived in.
 *
 * <p>Of statements equally precise and equally large, one a person confirmed or corrected is counted: the value is
 * the same either way, and the total then says, rightly, that a person has checked it.
 */
public final class SameClaims {

    private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");

    /**
     * Most precise first, then the larger figure, then a reviewed one, then by source so that ties are still
     * deterministic.
     */
    static final Comparator<Claim> COUNTED_FIRST = Comparator
            .comparing(Claim::qualifier)
            .thenComparing(Claim::value, Comparator.reverseOrder())
            .thenComparing(claim -> !claim.isReviewed())
            .thenComparing(claim -> claim.source().reportId())
            .thenComparing(claim -> claim.source().factId());

    public List<DistinctClaim> merge(Collection<Claim> claims) {
        Map<Claim.StatementKey, Groups> groupsByStatement = new LinkedHashMap<>();
        claims.stream().sorted(COUNTED_FIRST).forEach(claim ->
                groupsByStatement.computeIfAbsent(claim.statementKey(), k -> new Groups()).place(claim));
        List<DistinctClaim> distinct = new ArrayList<>();
        groupsByStatement.values().forEach(groups ->
                groups.all.forEach(group -> distinct.add(new DistinctClaim(group.get(0), group))));
        return distinct;
    }

    /**
     * The groups of one statement key, in the order they were opened, with their counted claims indexed by value.
     * A claim joins the first group whose counted claim it restates; finding that group looks only at counted
     * claims near its value (within 1% can only be within 2%), and, for an at-least bound, at the first group of each
     * more precise qualifier: claims arrive most precise first and, within a qualifier, largest first, so the first
     * group of a qualifier has its largest counted figure. Without the index every claim was compared with every
     * group, which grew with the square of the claims of one pair, metric and span.
     */
    private static final class Groups {

        private static final BigDecimal NEAR = new BigDecimal("0.02");

        final List<List<Claim>> all = new ArrayList<>();
        private final NavigableMap<BigDecimal, List<Integer>> byCountedValue = new TreeMap<>();
        private final Map<Qualifier, Integer> firstOfQualifier = new EnumMap<>(Qualifier.class);

        void place(Claim claim) {
            int found = Integer.MAX_VALUE;
            BigDecimal value = claim.value();
            BigDecimal slack = value.abs().multiply(NEAR);
            for (List<Integer> indexes : byCountedValue.subMap(value.subtract(slack), true, value.add(slack), true).values()) {
                for (int index : indexes) {
                    if (index < found && withinOnePercent(all.get(index).get(0).value(), value)) {
                        found = index;
                    }
                }
            }
            if (claim.qualifier() == Qualifier.AT_LEAST) {
                for (Map.Entry<Qualifier, Integer> first : firstOfQualifier.entrySet()) {
                    Claim counted = all.get(first.getValue()).get(0);
                    if (first.getKey() != Qualifier.AT_LEAST && first.getValue() < found
                            && counted.value().compareTo(value) >= 0) {
                        found = first.getValue();
                    }
                }
            }
            if (found != Integer.MAX_VALUE) {
                all.get(found).add(claim);
                return;
            }
            all.add(new ArrayList<>(List.of(claim)));
            int index = all.size() - 1;
            byCountedValue.computeIfAbsent(value, k -> new ArrayList<>()).add(index);
            firstOfQualifier.putIfAbsent(claim.qualifier(), index);
        }
    }

    /** Whether {@code other} states the same figure as {@code counted}; both already share a statement key. */
    static boolean restates(Claim counted, Claim other) {
        if (withinOnePercent(counted.value(), other.value())) {
            return true;
        }
        // "more than 480 million" is the same claim as "487 million" for the same pair and period.
        return other.qualifier() == Qualifier.AT_LEAST
                && counted.qualifier() != Qualifier.AT_LEAST
                && counted.value().compareTo(other.value()) >= 0;
    }

    static boolean withinOnePercent(BigDecimal a, BigDecimal b) {
        BigDecimal larger = a.abs().max(b.abs());
        return a.subtract(b).abs().compareTo(larger.multiply(ONE_PERCENT)) <= 0;
    }
}
