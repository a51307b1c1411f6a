package org.counterpart.metrics.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps stored totals equal to what {@link TotalCalculator#totals} gives over all current claims, working out only
 * the trees of pairs (rule 4) that a report's changed claims can reach, for one scope (confidence, all years).
 *
 * <p>What a tree's totals depend on: the claims of its own pairs (rules 1, 2, 3, 5, parts), which pairs roll up
 * into which, and how the pairs are spelled. Which pair rolls up into which depends on the pairs stated in the
 * metric (a stated group pair becomes a parent) and on the pairs stated in any metric (the nearest mentioned
 * ancestor, {@link PairHierarchy}). So a change of a report's claims:
 * <ol>
 *   <li>changes the own claims of the pairs it stated before or states now ({@code touched});</li>
 *   <li>may change the structure of the metrics it touches: the structure of the whole metric is worked out again
 *   from the stored stated pairs (pairs only, no claims) and compared with the stored one;</li>
 *   <li>may change which pairs the hierarchy knows, or how it spells them, for every metric: when it does (rare:
 *   a pair first or last mentioned, or a report spelling it first), every metric's structure is compared.</li>
 * </ol>
 * Every tree that holds a touched pair or a pair whose parent or spelling changed, before or after, is worked out
 * again from its claims and replaces the stored rows of those trees. Trees elsewhere are untouched.
 */
public final class IncrementalTotals {

    private final TotalCalculator calculator = TotalCalculator.standard();

    /**
     * A claim a report stated before the change or states after it, in this scope.
     *
     * @param pair the pair as the claim spells it
     */
    public record Touch(String metric, String unit, Pair pair) {

        public TotalsStore.MetricUnit metricUnit() {
            return new TotalsStore.MetricUnit(metric, unit);
        }
    }

    /** What the hierarchy knew of the report's pairs before the change. */
    public record Before(Set<Touch> touched, Map<String, Pair> known) {
    }

    /** To be called before the report's claims change, with its claims before and after, in this scope. */
    public Before before(TotalsStore store, Collection<Touch> touched) {
        Set<Touch> all = new HashSet<>(touched);
        return new Before(all, store.known(identities(all)));
    }

    /** To be called once the report's claims have changed. */
    public void after(TotalsStore store, Before before) {
        Map<TotalsStore.MetricUnit, Set<String>> changed = new TreeMap<>(
                Comparator.comparing(TotalsStore.MetricUnit::metric).thenComparing(TotalsStore.MetricUnit::unit));
        before.touched().forEach(touch ->
                changed.computeIfAbsent(touch.metricUnit(), k -> new TreeSet<>()).add(touch.pair().identity()));
        if (!store.known(identities(before.touched())).equals(before.known())) {
            store.storedMetricUnits().forEach(metricUnit -> changed.computeIfAbsent(metricUnit, k -> new TreeSet<>()));
        }
        changed.forEach((metricUnit, pairs) -> update(store, metricUnit, pairs));
    }

    /** Works out again the trees of one metric and unit that the changed pairs reach; see the class comment. */
    void update(TotalsStore store, TotalsStore.MetricUnit metricUnit, Set<String> touched) {
        Map<String, StoredTotal> stored = new HashMap<>();
        store.stored(metricUnit).forEach(total -> stored.put(total.identity(), total));

        // The pairs stated in the metric: as stored, except the touched ones, which their claims decide now.
        Map<String, List<Claim>> touchedClaims = byPair(store.claimsOf(metricUnit, touched));
        Map<String, Pair> stated = new TreeMap<>();
        stored.values().stream().filter(total -> !total.derived() && !touched.contains(total.identity()))
                .forEach(total -> stated.put(total.identity(), total.pair()));
        touchedClaims.forEach((identity, claims) -> {
            if (claims.stream().anyMatch(Claim::isActual)) {
                stated.put(identity, claims.get(0).pair());
            }
        });

        Set<String> ancestors = new TreeSet<>();
        stated.values().forEach(pair -> PairHierarchy.ancestors(pair).forEach(a -> ancestors.add(a.identity())));
        PairHierarchy hierarchy = new PairHierarchy(store.known(ancestors).values());
        RollUp rollUp = new RollUp(hierarchy, stated.values());

        // Pairs whose tree may have changed: touched, appeared, gone, re-parented or spelled anew.
        Set<String> dirty = new HashSet<>(touched);
        stored.keySet().stream().filter(identity -> !rollUp.identities().contains(identity)).forEach(dirty::add);
        rollUp.identities().forEach(identity -> {
            StoredTotal before = stored.get(identity);
            if (before == null || !before.pair().equals(rollUp.pairOf(identity))
                    || !Objects.equals(before.parent(), rollUp.parentOf(identity))) {
                dirty.add(identity);
            }
        });
        Set<String> oldRoots = new HashSet<>();
        Set<String> roots = new HashSet<>();
        dirty.forEach(identity -> {
            if (stored.containsKey(identity)) {
                oldRoots.add(stored.get(identity).root());
            }
            if (rollUp.identities().contains(identity)) {
                roots.add(rollUp.rootOf(identity));
            }
        });
        oldRoots.stream().filter(root -> rollUp.identities().contains(root) && rollUp.rootOf(root).equals(root))
                .forEach(roots::add);
        Set<String> replaced = new HashSet<>(oldRoots);
        replaced.addAll(roots);
        if (replaced.isEmpty()) {
            return;
        }

        List<String> statedInTrees = rollUp.identities().stream()
                .filter(identity -> stated.containsKey(identity) && roots.contains(rollUp.rootOf(identity)))
                .sorted().toList();
        List<Claim> claims = statedInTrees.isEmpty() ? List.of() : store.claimsOf(metricUnit, statedInTrees);
        List<List<String>> wholeIds = claims.stream().filter(claim -> claim.partOf() != null)
                .map(claim -> List.of(claim.source().reportId(), claim.partOf())).distinct().toList();
        List<Claim> wholes = wholeIds.isEmpty() ? List.of() : store.claimsByFact(wholeIds);
        List<Total> totals = calculator.totalsUnder(metricUnit.metric(), metricUnit.unit(), rollUp, claims, wholes, roots);
        List<StoredTotal> rows = new ArrayList<>();
        totals.forEach(total -> rows.add(StoredTotal.of(total, rollUp.rootOf(total.pair().identity()))));
        store.replace(metricUnit, replaced, rows);
    }

    private static Set<String> identities(Collection<Touch> touched) {
        Set<String> identities = new TreeSet<>();
        touched.forEach(touch -> identities.add(touch.pair().identity()));
        return identities;
    }

    /** Claims by pair identity, each pair's in the order that decides its spelling (report id, then fact id). */
    private static Map<String, List<Claim>> byPair(List<Claim> claims) {
        Map<String, List<Claim>> byPair = new LinkedHashMap<>();
        claims.stream().sorted(TotalCalculator.BY_SOURCE)
                .forEach(claim -> byPair.computeIfAbsent(claim.pair().identity(), k -> new ArrayList<>()).add(claim));
        return byPair;
    }
}
