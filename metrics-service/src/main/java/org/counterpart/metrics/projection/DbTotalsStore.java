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
import org.counterpart.metrics.totals.IncrementalTotals;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.ReviewStatus;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.TotalsStore;

/**
 * The incremental step's store for one stored scope, in the metrics database (tables current_fact, stored_total,
 * known_pair). Claims are read as values (no managed entities), and without their evidence unless a reader is
 * to be shown them: a refresh reads every claim of the trees it works out, and only their figures matter there.
 */
final class DbTotalsStore implements TotalsStore {

    private final EntityManager em;
    private final StoredScope scope;
    private final ClaimRows rows;
    private final Set<String> replacedPairs = new HashSet<>();

    /** @param withEvidence whether claims carry their evidence sentence (for a reader), or only their figures */
    DbTotalsStore(EntityManager em, StoredScope scope, boolean withEvidence) {
        this.em = em;
        this.scope = scope;
        this.rows = new ClaimRows(em, scope.least(), scope.year(), withEvidence);
    }

    private List<Claim> claims(String where, java.util.function.UnaryOperator<jakarta.persistence.TypedQuery<Object[]>> parameters) {
        return rows.where(where, parameters);
    }

    private List<String> confidences() {
        return rows.confidences();
    }

    @Override
    public List<Claim> claimsOf(MetricUnit metricUnit, Collection<String> pairIdentities) {
        if (pairIdentities.isEmpty()) {
            return List.of();
        }
        return claims("f.metric = :metric and f.unit = :unit and f.pairKey in :pairs", query -> query
                .setParameter("metric", metricUnit.metric())
                .setParameter("unit", metricUnit.unit())
                .setParameter("pairs", List.copyOf(pairIdentities)));
    }

    /** What every current claim in scope touches: all there is to store, from nothing stored. */
    Set<IncrementalTotals.Touch> everyTouch() {
        Set<IncrementalTotals.Touch> touches = new HashSet<>();
        rows.statements().forEach(row ->
                touches.add(new IncrementalTotals.Touch((String) row[0], (String) row[1], (String) row[2])));
        return touches;
    }

    /** Every current claim of a metric in scope, any unit and pair. */
    List<Claim> claimsOfMetric(String metric) {
        return claims("f.metric = :metric", query -> query.setParameter("metric", metric));
    }

    @Override
    public List<Claim> claimsByFact(Collection<List<String>> reportAndFactIds) {
        Set<List<String>> wanted = new HashSet<>(reportAndFactIds);
        Set<String> reports = new HashSet<>();
        wanted.forEach(id -> reports.add(id.get(0)));
        return claims("f.reportId in :reports", query -> query.setParameter("reports", List.copyOf(reports))).stream()
                .filter(claim -> wanted.contains(List.of(claim.source().reportId(), claim.source().factId())))
                .toList();
    }

    @Override
    public Map<String, Pair> statedIn(MetricUnit metricUnit, Collection<String> pairIdentities) {
        // Of the pairs with an actual claim, the first claim by report id, then fact id, whatever its basis: the
        // spelling TotalCalculator gives the pair.
        return firstClaims(pairIdentities, """
                select f.id from unnest(?) as p(pair_key) cross join lateral (
                    select id from current_fact c
                     where c.pair_key = p.pair_key and c.metric = ? and c.unit = ?
                       and c.review_status <> ? and c.confidence = any(?) %s
                     order by c.report_id collate "C", c.fact_id collate "C" limit 1) f
                 where exists (select 1 from current_fact a
                                where a.pair_key = p.pair_key and a.metric = ? and a.unit = ?
                                  and a.review_status <> ? and a.confidence = any(?) and a.basis <> ? %s)
                """.formatted(inYear("c"), inYear("a")), metricUnit.metric(), metricUnit.unit(), ReviewStatus.REJECTED.code(), CONFIDENCES,
                metricUnit.metric(), metricUnit.unit(), ReviewStatus.REJECTED.code(), CONFIDENCES,
                org.counterpart.metrics.totals.Basis.PLAN.code());
    }

    @Override
    public Map<String, Pair> known(Collection<String> pairIdentities) {
        // The first claim by report id, then fact id, of any metric: the pair as the hierarchy knows it.
        return firstClaims(pairIdentities, """
                select f.id from unnest(?) as p(pair_key) cross join lateral (
                    select id from current_fact c
                     where c.pair_key = p.pair_key and c.review_status <> ? and c.confidence = any(?) %s
                     order by c.report_id collate "C", c.fact_id collate "C" limit 1) f
                """.formatted(inYear("c")), ReviewStatus.REJECTED.code(), CONFIDENCES);
    }

    /** The condition that a fact (alias {@code f}) lies in the scope's year, if it has one. */
    private String inYear(String f) {
        return scope.year() == null ? "" : "and " + f + ".span_year = " + scope.year().intValue();
    }

    /** Marks where the scope's confidence codes are bound as an array. */
    private static final Object CONFIDENCES = new Object();

    /**
     * The pairs spelled as the claims with the ids {@code sql} selects, one per pair at most (an index walk per pair,
     * V8): the first parameter is the pairs, then {@code parameters}.
     */
    private Map<String, Pair> firstClaims(Collection<String> pairIdentities, String sql, Object... parameters) {
        Map<String, Pair> spelled = new TreeMap<>();
        if (pairIdentities.isEmpty()) {
            return spelled;
        }
        List<Number> ids = em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement query = connection.prepareStatement(sql)) {
                query.setArray(1, connection.createArrayOf("text", pairIdentities.toArray()));
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] == CONFIDENCES) {
                        query.setArray(i + 2, connection.createArrayOf("text", confidences().toArray()));
                    } else {
                        query.setString(i + 2, (String) parameters[i]);
                    }
                }
                List<Number> found = new ArrayList<>();
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getLong(1));
                    }
                }
                return found;
            }
        });
        spellings(ids, spelled);
        return spelled;
    }

    private void spellings(List<Number> ids, Map<String, Pair> into) {
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("from CurrentFact f where f.id in :ids", CurrentFact.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .getResultList()
                .forEach(fact -> into.put(fact.pairKey, fact.pair()));
    }

    @Override
    public Map<String, Pair> remembered(Collection<String> pairIdentities) {
        Map<String, Pair> remembered = new TreeMap<>();
        if (pairIdentities.isEmpty()) {
            return remembered;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select pair_key, pair from known_pair where scope = :scope and pair_key in (:pairs)")
                .setParameter("scope", scope.code())
                .setParameter("pairs", List.copyOf(pairIdentities))
                .getResultList();
        rows.forEach(row -> remembered.put((String) row[0], StoredTotalJson.readPair((String) row[1])));
        return remembered;
    }

    @Override
    public void remember(Collection<String> pairIdentities, Map<String, Pair> known) {
        if (!pairIdentities.isEmpty()) {
            em.createNativeQuery("delete from known_pair where scope = :scope and pair_key in (:pairs)")
                    .setParameter("scope", scope.code())
                    .setParameter("pairs", List.copyOf(pairIdentities))
                    .executeUpdate();
        }
        known.forEach((identity, pair) -> em.createNativeQuery(
                        "insert into known_pair (scope, pair_key, pair) values (:scope, :pair_key, :pair)")
                .setParameter("scope", scope.code())
                .setParameter("pair_key", identity)
                .setParameter("pair", StoredTotalJson.pair(pair))
                .executeUpdate());
    }

    @Override
    public List<StoredTotal> stored(MetricUnit metricUnit) {
        @SuppressWarnings("unchecked")
        List<String> bodies = em.createNativeQuery(
                        "select body from stored_total where scope = :scope and metric = :metric and unit = :unit")
                .setParameter("scope", scope.code())
                .setParameter("metric", metricUnit.metric())
                .setParameter("unit", metricUnit.unit())
                .getResultList();
        return bodies.stream().map(StoredTotalJson::read).toList();
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
        totals.forEach(total -> replacedPairs.add(total.identity()));
        if (!roots.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> gone = em.createNativeQuery("with gone as (delete from stored_total where scope = :scope"
                            + " and metric = :metric and unit = :unit and root_key in (:roots) returning pair_key)"
                            + " select pair_key from gone")
                    .setParameter("scope", scope.code())
                    .setParameter("metric", metricUnit.metric())
                    .setParameter("unit", metricUnit.unit())
                    .setParameter("roots", List.copyOf(roots))
                    .getResultList();
            replacedPairs.addAll(gone);
        }
        insert(totals);
    }

    /**
     * Counts again the distinct reports behind each pair whose rows were replaced, over all its metrics (GET
     * /pairs shows them): kept per pair so that listing pairs never unions report ids.
     */
    void countReportsOfReplacedPairs() {
        if (replacedPairs.isEmpty()) {
            return;
        }
        List<String> pairs = List.copyOf(replacedPairs);
        em.createNativeQuery("delete from stored_pair where scope = :scope and pair_key in (:pairs)")
                .setParameter("scope", scope.code())
                .setParameter("pairs", pairs)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into stored_pair (scope, pair_key, report_count)
                        select t.scope, t.pair_key, count(distinct r.id) from stored_total t
                          left join lateral unnest(t.report_ids) as r(id) on true
                         where t.scope = :scope and t.pair_key in (:pairs)
                         group by t.scope, t.pair_key
                        """)
                .setParameter("scope", scope.code())
                .setParameter("pairs", pairs)
                .executeUpdate();
        replacedPairs.clear();
    }

    /** Every pair whose rows were replaced since the store was made. */
    Set<String> replacedPairs() {
        return Set.copyOf(replacedPairs);
    }

    void insert(List<StoredTotal> totals) {
        totals.forEach(total -> replacedPairs.add(total.identity()));
        if (totals.isEmpty()) {
            return;
        }
        // One statement for all rows: the session's JDBC connection, unwrapped, batches them.
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "insert into stored_total (scope, metric, unit, pair_key, root_key, parent_key, body, report_ids)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredTotal total : totals) {
                    insert.setString(1, scope.code());
                    insert.setString(2, total.metric());
                    insert.setString(3, total.unit());
                    insert.setString(4, total.identity());
                    insert.setString(5, total.root());
                    insert.setString(6, total.parentIdentity());
                    insert.setString(7, StoredTotalJson.body(total));
                    insert.setArray(8, connection.createArrayOf("text", total.reportIds().toArray()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
