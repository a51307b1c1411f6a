package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<Claim.StatementKey, List<List<Claim>>> groupsByStatement = new LinkedHashMap<>();
        claims.stream().sorted(COUNTED_FIRST).forEach(claim -> {
            List<List<Claim>> groups = groupsByStatement.computeIfAbsent(claim.statementKey(), k -> new ArrayList<>());
            groups.stream()
                    .filter(group -> restates(group.get(0), claim))
                    .findFirst()
                    .ifPresentOrElse(group -> group.add(claim), () -> groups.add(new ArrayList<>(List.of(claim))));
        });
        List<DistinctClaim> distinct = new ArrayList<>();
        groupsByStatement.values().forEach(groups ->
                groups.forEach(group -> distinct.add(new DistinctClaim(group.get(0), group))));
        return distinct;
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
