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
 * the trees of pairs (rule 4) that changed claims can reach, for one scope (confidence, all years).
 *
 * <p>Changes are worked off in batches ({@link #refresh}): applying an event only notes which metric, unit and pair
 * its claims touched, before and after; a refresh takes every change noted since the last one, so a tree that many
 * events touched is worked out once. What a tree's totals depend on: the claims of its own pairs (rules 1, 2, 3, 5,
 * parts), which pairs roll up into which, and how the pairs are spelled. Which pair rolls up into which depends on
 * the pairs stated in the metric (a stated group pair becomes a parent) and on the pairs stated in any metric (the
 * nearest mentioned ancestor, {@link PairHierarchy}). So the touched claims:
 * <ol>
 *   <li>change the own claims of the pairs they were or are stated for ({@code touched});</li>
 *   <li>may change the structure of the metrics they touch: the structure of the whole metric is worked out again
 *   from the stored stated pairs (pairs only, no claims) and compared with the stored one;</li>
 *   <li>may change which pairs the hierarchy knows, or how it spells them, for every metric: the touched pairs'
 *   spellings now are compared with those remembered at the last refresh, and when they differ (rare: a pair first
 *   or last mentioned, or a report spelling it first), every metric's structure is compared.</li>
 * </ol>
 * Every tree that holds a touched pair or a pair whose parent or spelling changed, before or after, is worked out
 * again from its claims and replaces the stored rows of those trees. Trees elsewhere are untouched.
 */
public final class IncrementalTotals {

    private final TotalCalculator calculator = TotalCalculator.standard();

    /**
     * A claim stated before a change or after it, in this scope.
     *
     * @param pair the identity of its pair ({@link Pair#identity()})
     */
    public record Touch(String metric, String unit, String pair) {

        public TotalsStore.MetricUnit metricUnit() {
            return new TotalsStore.MetricUnit(metric, unit);
        }
    }

    /**
     * Brings the stored totals up to date with every change whose touches are given (the union of any number of
     * events' touches, in any order).
     */
    public void refresh(TotalsStore store, Collection<Touch> touched) {
        if (touched.isEmpty()) {
            return;
        }
        Map<TotalsStore.MetricUnit, Set<String>> changed = new TreeMap<>(
                Comparator.comparing(TotalsStore.MetricUnit::metric).thenComparing(TotalsStore.MetricUnit::unit));
        touched.forEach(touch ->
                changed.computeIfAbsent(touch.metricUnit(), k -> new TreeSet<>()).add(touch.pair()));
        Set<String> identities = identities(touched);
        Map<String, Pair> known = store.known(identities);
        if (!known.equals(store.remembered(identities))) {
            store.storedMetricUnits().forEach(metricUnit -> changed.computeIfAbsent(metricUnit, k -> new TreeSet<>()));
            store.remember(identities, known);
        }
        changed.forEach((metricUnit, pairs) -> update(store, metricUnit, pairs));
    }

    /**
     * The trees of one metric and unit with these tops, worked out from their claims: what a reader that wants a
     * total's claims is shown. Agrees with the stored rows, which hold the same totals without their claims.
     */
    public List<Total> trees(TotalsStore store, TotalsStore.MetricUnit metricUnit, Set<String> roots) {
        Map<String, Pair> stated = new TreeMap<>();
        Map<String, Pair> allStated = new TreeMap<>();
        store.stored(metricUnit).stream().filter(total -> !total.derived()).forEach(total -> {
            allStated.put(total.identity(), total.pair());
            if (roots.contains(total.root())) {
                stated.put(total.identity(), total.pair());
            }
        });
        RollUp rollUp = rollUp(store, allStated);
        return work(store, metricUnit, rollUp, new ArrayList<>(stated.keySet()), roots);
    }

    /** Works out again the trees of one metric and unit that the changed pairs reach; see the class comment. */
    void update(TotalsStore store, TotalsStore.MetricUnit metricUnit, Set<String> touched) {
        Map<String, StoredTotal> stored = new HashMap<>();
        store.stored(metricUnit).forEach(total -> stored.put(total.identity(), total));

        // The pairs stated in the metric: as stored, except the touched ones, which their claims decide now.
        Map<String, Pair> stated = new TreeMap<>();
        stored.values().stream().filter(total -> !total.derived() && !touched.contains(total.identity()))
                .forEach(total -> stated.put(total.identity(), total.pair()));
        stated.putAll(store.statedIn(metricUnit, touched));

        RollUp rollUp = rollUp(store, stated);

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

        // One tree at a time, so that only one tree's claims are held at once: the old rows go with the first.
        Set<String> toDelete = replaced;
        for (String root : new TreeSet<>(roots)) {
            List<String> statedInTree = rollUp.identities().stream()
                    .filter(identity -> stated.containsKey(identity) && root.equals(rollUp.rootOf(identity)))
                    .sorted().toList();
            List<StoredTotal> rows = new ArrayList<>();
            work(store, metricUnit, rollUp, statedInTree, Set.of(root))
                    .forEach(total -> rows.add(StoredTotal.of(total, root)));
            store.replace(metricUnit, toDelete, rows);
            toDelete = Set.of();
        }
        if (!toDelete.isEmpty()) {
            store.replace(metricUnit, toDelete, List.of());
        }
    }

    /** The roll-up of a metric's stated pairs, with the hierarchy knowing the stated ancestors they may have. */
    private static RollUp rollUp(TotalsStore store, Map<String, Pair> stated) {
        Set<String> ancestors = new TreeSet<>();
        stated.values().forEach(pair -> PairHierarchy.ancestors(pair).forEach(a -> ancestors.add(a.identity())));
        PairHierarchy hierarchy = new PairHierarchy(store.known(ancestors).values());
        return new RollUp(hierarchy, stated.values());
    }

    /** The totals of the trees with these tops, from the claims of the stated pairs in them. */
    private List<Total> work(TotalsStore store, TotalsStore.MetricUnit metricUnit, RollUp rollUp,
                             List<String> statedInTrees, Set<String> roots) {
        List<Claim> claims = statedInTrees.isEmpty() ? List.of() : store.claimsOf(metricUnit, statedInTrees);
        List<List<String>> wholeIds = claims.stream().filter(claim -> claim.partOf() != null)
                .map(claim -> List.of(claim.source().reportId(), claim.partOf())).distinct().toList();
        List<Claim> wholes = wholeIds.isEmpty() ? List.of() : store.claimsByFact(wholeIds);
        return calculator.totalsUnder(metricUnit.metric(), metricUnit.unit(), rollUp, claims, wholes, roots);
    }

    private static Set<String> identities(Collection<Touch> touched) {
        Set<String> identities = new TreeSet<>();
        touched.forEach(touch -> identities.add(touch.pair()));
        return identities;
    }

}
