package org.counterpart.metrics.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.ReviewStatus;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.TotalsStore;

/** The incremental step's store for one stored scope, in the metrics database (tables current_fact, stored_total). */
final class DbTotalsStore implements TotalsStore {

    private final EntityManager em;
    private final StoredScope scope;
    private final java.util.function.BiConsumer<String, String> lockMetric;

    /** @param lockMetric takes the lock of a metric and unit before its stored totals are read */
    DbTotalsStore(EntityManager em, StoredScope scope, java.util.function.BiConsumer<String, String> lockMetric) {
        this.em = em;
        this.scope = scope;
        this.lockMetric = lockMetric;
    }

    private List<String> confidences() {
        List<String> codes = new ArrayList<>();
        for (Confidence confidence : Confidence.values()) {
            if (confidence.reaches(scope.least())) {
                codes.add(confidence.code());
            }
        }
        return codes;
    }

    @Override
    public List<Claim> claimsOf(MetricUnit metricUnit, Collection<String> pairIdentities) {
        if (pairIdentities.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select f, s.occurredAt from CurrentFact f, ReportState s where s.reportId = f.reportId"
                        + " and f.reviewStatus <> :rejected and f.metric = :metric and f.unit = :unit"
                        + " and f.pairKey in :pairs and f.confidence in :confidences", Object[].class)
                .setParameter("rejected", ReviewStatus.REJECTED.code())
                .setParameter("metric", metricUnit.metric())
                .setParameter("unit", metricUnit.unit())
                .setParameter("pairs", List.copyOf(pairIdentities))
                .setParameter("confidences", confidences())
                .getResultStream()
                .map(row -> CurrentClaims.toClaim((CurrentFact) row[0], (Instant) row[1]))
                .toList();
    }

    @Override
    public List<Claim> claimsByFact(Collection<List<String>> reportAndFactIds) {
        Set<List<String>> wanted = new HashSet<>(reportAndFactIds);
        Set<String> reports = new HashSet<>();
        wanted.forEach(id -> reports.add(id.get(0)));
        return em.createQuery("select f, s.occurredAt from CurrentFact f, ReportState s where s.reportId = f.reportId"
                        + " and f.reviewStatus <> :rejected and f.reportId in :reports and f.confidence in :confidences",
                        Object[].class)
                .setParameter("rejected", ReviewStatus.REJECTED.code())
                .setParameter("reports", List.copyOf(reports))
                .setParameter("confidences", confidences())
                .getResultStream()
                .filter(row -> wanted.contains(List.of(((CurrentFact) row[0]).reportId, ((CurrentFact) row[0]).factId)))
                .map(row -> CurrentClaims.toClaim((CurrentFact) row[0], (Instant) row[1]))
                .toList();
    }

    @Override
    public Map<String, Pair> known(Collection<String> pairIdentities) {
        Map<String, Pair> known = new TreeMap<>();
        if (pairIdentities.isEmpty()) {
            return known;
        }
        // The first claim by report id, then fact id, as TotalCalculator orders them (String order: collation "C").
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select distinct on (pair_key) id from current_fact
                         where pair_key in (:pairs) and review_status <> :rejected and confidence in (:confidences)
                         order by pair_key, report_id collate "C", fact_id collate "C"
                        """)
                .setParameter("pairs", List.copyOf(pairIdentities))
                .setParameter("rejected", ReviewStatus.REJECTED.code())
                .setParameter("confidences", confidences())
                .getResultList();
        if (ids.isEmpty()) {
            return known;
        }
        em.createQuery("from CurrentFact f where f.id in :ids", CurrentFact.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .getResultStream()
                .forEach(fact -> known.put(fact.pairKey, fact.pair()));
        return known;
    }

    @Override
    public List<StoredTotal> stored(MetricUnit metricUnit) {
        lockMetric.accept(metricUnit.metric(), metricUnit.unit());
        @SuppressWarnings("unchecked")
        List<String> bodies = em.createNativeQuery(
                        "select body from stored_total where scope = :scope and metric = :metric and unit = :unit")
                .setParameter("scope", scope.code())
                .setParameter("metric", metricUnit.metric())
                .setParameter("unit", metricUnit.unit())
                .getResultList();
        return bodies.stream().map(body -> StoredTotalJson.read(body, null)).toList();
    }

    @Override
    public Set<MetricUnit> storedMetricUnits() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct metric, unit from stored_total where scope = :scope")
                .setParameter("scope", scope.code())
                .getResultList();
        Set<MetricUnit> units = new HashSet<>();
        rows.forEach(row -> units.add(new MetricUnit((String) row[0], (String) row[1])));
        return units;
    }

    @Override
    public void replace(MetricUnit metricUnit, Set<String> roots, List<StoredTotal> totals) {
        if (!roots.isEmpty()) {
            em.createNativeQuery("delete from stored_total where scope = :scope and metric = :metric and unit = :unit"
                            + " and root_key in (:roots)")
                    .setParameter("scope", scope.code())
                    .setParameter("metric", metricUnit.metric())
                    .setParameter("unit", metricUnit.unit())
                    .setParameter("roots", List.copyOf(roots))
                    .executeUpdate();
        }
        insert(totals);
    }

    void insert(List<StoredTotal> totals) {
        for (StoredTotal total : totals) {
            em.createNativeQuery("insert into stored_total (scope, metric, unit, pair_key, root_key, parent_key, body, claims)"
                            + " values (:scope, :metric, :unit, :pair, :root, :parent, :body, :claims)")
                    .setParameter("scope", scope.code())
                    .setParameter("metric", total.metric())
                    .setParameter("unit", total.unit())
                    .setParameter("pair", total.identity())
                    .setParameter("root", total.root())
                    .setParameter("parent", total.parentIdentity())
                    .setParameter("body", StoredTotalJson.body(total))
                    .setParameter("claims", StoredTotalJson.claims(total))
                    .executeUpdate();
        }
    }
}
