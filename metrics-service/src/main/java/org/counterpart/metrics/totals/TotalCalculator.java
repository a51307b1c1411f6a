package org.counterpart.metrics.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns the current claims into totals per pair, metric and unit, by the five rules of docs/domain.md:
 * plans set aside; restatements merged with all their sources (rule 2, {@link SameClaims}); disagreeing claims
 * for one span flagged and one kept (rule 5, {@link Conflicts}); the largest sum of non-overlapping claims
 * (rule 3, {@link ClaimSelection}); then pairs rolled up into their parent pairs (rule 4, {@link PairHierarchy}),
 * with the parts of a stated total that would be added to it set aside ({@link Parts}).
 * Pure: the same claims, in any order, give the same totals.
 */
public final class TotalCalculator {

    /** Fixes which spelling of a pair a total shows when reports differ: the one of the first source. */
    static final Comparator<Claim> BY_SOURCE = Comparator
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

    /** The five rules for totals (docs/domain.md). */
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
        Parts parts = new Parts(sorted);
        Map<MetricUnit, Map<String, List<Claim>>> byMetric = new TreeMap<>();
        sorted.forEach(claim -> byMetric
                .computeIfAbsent(new MetricUnit(claim.metric(), claim.unit()), k -> new LinkedHashMap<>())
                .computeIfAbsent(claim.pair().identity(), k -> new ArrayList<>())
                .add(claim));
        List<Total> totals = new ArrayList<>();
        byMetric.forEach((metricUnit, byPair) -> {
            Map<String, List<Claim>> stated = new LinkedHashMap<>();
            byPair.forEach((pair, ofPair) -> {
                if (ofPair.stream().anyMatch(Claim::isActual)) {
                    stated.put(pair, ofPair);
                }
            });
            // The tree first: whether a part counts depends on where its pair sits relative to its whole's.
            RollUp rollUp = new RollUp(hierarchy, stated.values().stream().map(ofPair -> ofPair.get(0).pair()).toList());
            Map<String, OwnClaims> own = new LinkedHashMap<>();
            stated.forEach((pair, ofPair) -> own.put(pair, own(ofPair, claim -> parts.setAside(claim, rollUp))));
            totals.addAll(rollUp.totals(metricUnit.metric(), metricUnit.unit(), own));
        });
        return totals;
    }

    /**
     * The totals of some trees of one metric and unit, exactly as {@link #totals} gives them over all claims: the
     * roll-up is that of the whole metric (which pairs roll up into which), the claims only those of the trees'
     * stated pairs. Used to keep stored totals up to date ({@link IncrementalTotals}).
     *
     * @param claims the claims of the metric and unit stated for the pairs of the trees
     * @param wholes the stated totals the parts among {@code claims} belong to (any pair)
     * @param roots  identities of the tops of the trees
     */
    List<Total> totalsUnder(String metric, String unit, RollUp rollUp, Collection<Claim> claims,
                            Collection<Claim> wholes, java.util.Set<String> roots) {
        List<Claim> sorted = claims.stream().sorted(BY_SOURCE).toList();
        List<Claim> known = new ArrayList<>(sorted);
        known.addAll(wholes);
        Parts parts = new Parts(known);
        Map<String, List<Claim>> byPair = new LinkedHashMap<>();
        sorted.forEach(claim -> byPair.computeIfAbsent(claim.pair().identity(), k -> new ArrayList<>()).add(claim));
        Map<String, OwnClaims> own = new LinkedHashMap<>();
        byPair.forEach((pair, ofPair) -> {
            if (ofPair.stream().anyMatch(Claim::isActual)) {
                own.put(pair, own(ofPair, claim -> parts.setAside(claim, rollUp)));
            }
        });
        return rollUp.totalsUnder(metric, unit, own, roots);
    }

    /**
     * Rules 2, 5 and 3 over the claims stated for one pair, metric and unit, after setting aside plans and the
     * parts that must not count in this pair.
     */
    OwnClaims own(List<Claim> claims, Predicate<Claim> setAsidePart) {
        List<UnusedClaim> unused = new ArrayList<>();
        claims.stream().filter(claim -> !claim.isActual())
                .forEach(plan -> unused.add(UnusedClaim.because(DistinctClaim.single(plan), Reason.PLAN)));
        List<Claim> actual = new ArrayList<>();
        claims.stream().filter(Claim::isActual).forEach(claim -> {
            if (setAsidePart.test(claim)) {
                unused.add(UnusedClaim.because(DistinctClaim.single(claim), Reason.PART));
            } else {
                actual.add(claim);
            }
        });

        List<DistinctClaim> distinct = sameClaims.merge(actual);
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
