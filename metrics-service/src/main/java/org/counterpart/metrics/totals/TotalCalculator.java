package org.counterpart.metrics.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns the current claims into totals per pair, metric and unit, by the rules of DOMAIN.md:
 * plans set aside; restatements merged with all their sources (rule 2, {@link SameClaims}); disagreeing claims
 * for one span flagged and one kept (rule 5, {@link Conflicts}); the largest sum of non-overlapping claims
 * (rule 3, {@link ClaimSelection}); then pairs rolled up into their parent pairs (rule 4, {@link PairHierarchy}).
 * Pure: the same claims, in any order, give the same totals.
 */
public final class TotalCalculator {

    /** Fixes which spelling of a pair a total shows when reports differ: the one of the first source. */
    private static final Comparator<Claim> BY_SOURCE = Comparator
            .comparing((Claim claim) -> claim.source().reportId())
            .thenComparing(claim -> claim.source().factId());

    private static final Comparator<UnusedClaim> UNUSED_ORDER = Comparator
            .comparing(UnusedClaim::reason)
            .thenComparing(unused -> unused.claim().span().from())
            .thenComparing(unused -> unused.claim().id());

    private final SameClaims sameClaims;
    private final Conflicts conflicts;
    private final ClaimSelection selection;

    public TotalCalculator(SameClaims sameClaims, Conflicts conflicts, ClaimSelection selection) {
        this.sameClaims = sameClaims;
        this.conflicts = conflicts;
        this.selection = selection;
    }

    /** The rules of DOMAIN.md "Running totals that a reader can trust". */
    public static TotalCalculator standard() {
        return new TotalCalculator(new SameClaims(), new Conflicts(), new NonOverlappingClaims());
    }

    /**
     * Every total: one per pair, metric and unit that has an actual claim, plus the parent pairs they roll up
     * into. Child totals appear both on their own and inside their parent's {@link Total#childPairs()}.
     */
    public List<Total> totals(Collection<Claim> claims) {
        List<Claim> sorted = claims.stream().sorted(BY_SOURCE).toList();
        PairHierarchy hierarchy = new PairHierarchy(sorted.stream().map(Claim::pair).toList());
        Map<Claim.TotalKey, List<Claim>> byTotal = sorted.stream()
                .collect(Collectors.groupingBy(Claim::totalKey, LinkedHashMap::new, Collectors.toList()));
        Map<MetricUnit, Map<String, Total>> ownByMetric = new TreeMap<>();
        byTotal.forEach((key, ofOneTotal) -> {
            if (ofOneTotal.stream().anyMatch(Claim::isActual)) {
                Claim first = ofOneTotal.get(0);
                ownByMetric.computeIfAbsent(new MetricUnit(key.metric(), key.unit()), k -> new LinkedHashMap<>())
                        .put(key.pair(), Total.ofOwn(first.pair(), first.metric(), first.unit(), own(ofOneTotal)));
            }
        });
        List<Total> totals = new ArrayList<>();
        ownByMetric.forEach((metricUnit, own) -> totals.addAll(new RollUp(hierarchy, own.values()).totals()));
        return totals;
    }

    /** Rules 2, 5 and 3 over the claims stated for one pair, metric and unit. */
    OwnClaims own(List<Claim> claims) {
        List<UnusedClaim> unused = new ArrayList<>();
        claims.stream().filter(claim -> !claim.isActual())
                .forEach(plan -> unused.add(UnusedClaim.because(DistinctClaim.single(plan), Reason.PLAN)));

        List<DistinctClaim> distinct = sameClaims.merge(claims.stream().filter(Claim::isActual).toList());
        distinct.forEach(claim -> claim.restatedBy().stream()
                .filter(statement -> statement != claim.claim())
                .forEach(restatement -> unused.add(
                        new UnusedClaim(DistinctClaim.single(restatement), Reason.DUPLICATE, claim))));

        Conflicts.Resolved resolved = conflicts.resolve(distinct);
        resolved.conflicts().forEach(conflict -> conflict.others().forEach(other ->
                unused.add(new UnusedClaim(other, Reason.CONFLICT, conflict.kept()))));

        List<DistinctClaim> used = selection.select(resolved.kept());
        resolved.kept().stream().filter(claim -> !used.contains(claim))
                .forEach(claim -> unused.add(UnusedClaim.because(claim, Reason.OVERLAPPED)));

        unused.sort(UNUSED_ORDER);
        return new OwnClaims(used, unused, resolved.conflicts());
    }

    record MetricUnit(String metric, String unit) implements Comparable<MetricUnit> {
        @Override
        public int compareTo(MetricUnit other) {
            return Comparator.comparing(MetricUnit::metric).thenComparing(MetricUnit::unit).compare(this, other);
        }
    }
}
