package org.counterpart.metrics.totals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The incremental step's store kept in memory: the current claims of one scope, and the stored totals. */
final class InMemoryTotalsStore implements TotalsStore {

    private final Supplier<Collection<Claim>> current;
    private final ClaimScope scope;
    private final Map<MetricUnit, Map<String, StoredTotal>> rows = new HashMap<>();
    private final Map<String, Pair> remembered = new HashMap<>();

    /** @param current every current claim, of every scope (read anew at each call) */
    InMemoryTotalsStore(Supplier<Collection<Claim>> current, ClaimScope scope) {
        this.current = current;
        this.scope = scope;
    }

    private List<Claim> inScope() {
        return current.get().stream().filter(scope::includes).toList();
    }

    @Override
    public List<Claim> claimsOf(MetricUnit metricUnit, Collection<String> pairIdentities) {
        Set<String> wanted = new HashSet<>(pairIdentities);
        return inScope().stream().filter(claim -> claim.metric().equals(metricUnit.metric())
                && claim.unit().equals(metricUnit.unit()) && wanted.contains(claim.pair().identity())).toList();
    }

    @Override
    public List<Claim> claimsByFact(Collection<List<String>> reportAndFactIds) {
        Set<List<String>> wanted = new HashSet<>(reportAndFactIds);
        return inScope().stream()
                .filter(claim -> wanted.contains(List.of(claim.source().reportId(), claim.source().factId()))).toList();
    }

    @Override
    public Map<String, Pair> known(Collection<String> pairIdentities) {
        Set<String> wanted = new HashSet<>(pairIdentities);
        Map<String, Pair> known = new TreeMap<>();
        inScope().stream().filter(claim -> wanted.contains(claim.pair().identity()))
                .sorted(TotalCalculator.BY_SOURCE)
                .forEach(claim -> known.putIfAbsent(claim.pair().identity(), claim.pair()));
        return known;
    }

    @Override
    public Map<String, Pair> remembered(Collection<String> pairIdentities) {
        Map<String, Pair> found = new TreeMap<>();
        pairIdentities.forEach(identity -> {
            if (remembered.containsKey(identity)) {
                found.put(identity, remembered.get(identity));
            }
        });
        return found;
    }

    @Override
    public void remember(Collection<String> pairIdentities, Map<String, Pair> known) {
        pairIdentities.forEach(remembered::remove);
        remembered.putAll(known);
    }

    @Override
    public List<StoredTotal> stored(MetricUnit metricUnit) {
        return rows.getOrDefault(metricUnit, Map.of()).values().stream().map(StoredTotal::withoutClaims).toList();
    }

    @Override
    public Set<MetricUnit> storedMetricUnits() {
        Set<MetricUnit> units = new HashSet<>();
        rows.forEach((unit, ofUnit) -> {
            if (!ofUnit.isEmpty()) {
                units.add(unit);
            }
        });
        return units;
    }

    @Override
    public void replace(MetricUnit metricUnit, Set<String> roots, List<StoredTotal> totals) {
        Map<String, StoredTotal> ofUnit = rows.computeIfAbsent(metricUnit, k -> new LinkedHashMap<>());
        ofUnit.values().removeIf(total -> roots.contains(total.root()));
        totals.forEach(total -> {
            if (ofUnit.put(total.identity(), total) != null) {
                throw new IllegalStateException("Stored twice: " + total.identity());
            }
        });
    }

    /** Every stored total, keyed by metric, unit and pair. */
    Map<List<String>, StoredTotal> all() {
        Map<List<String>, StoredTotal> all = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        rows.forEach((unit, ofUnit) -> ofUnit.forEach((identity, total) ->
                all.put(List.of(unit.metric(), unit.unit(), identity), total)));
        return all;
    }

    /** What a full calculation over every current claim in scope gives, keyed alike. */
    Map<List<String>, StoredTotal> recomputed() {
        Map<List<String>, StoredTotal> all = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        StoredTotal.allOf(TotalCalculator.standard().totals(new ArrayList<>(inScope())))
                .forEach(total -> all.put(List.of(total.metric(), total.unit(), total.identity()), total));
        return all;
    }
}
