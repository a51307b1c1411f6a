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

/**
 * The incremental step's store for one stored scope, in the metrics database (tables current_fact, stored_total,
 * known_pair). Claims are read as values (no managed entities), and without their evidence unless a reader is
 * to be shown them: a refresh reads every claim of the trees it works out, and only their figures matter there.
 */
final class DbTotalsStore implements TotalsStore {

    /** The columns a claim is made of, evidence last (selected only when asked for). */
    private static final String CLAIM_COLUMNS = "f.reportId, f.factId, f.metric, f.unit, f.value, f.qualifier, f.basis,"
            + " f.periodStart, f.periodEnd, f.asOf, f.donorName, f.donorCode, f.donorLevel, f.donorMembers,"
            + " f.donorMembersInferred, f.recipientName, f.recipientCode, f.recipientLevel, f.recipientMembers,"
            + " f.recipientMembersInferred, f.confidence, f.confidenceReasons, f.partOf, f.origin, f.reviewStatus,"
            + " f.reviewChanged, f.reviewedBy, f.reviewedAt, s.occurredAt";

    private final EntityManager em;
    private final StoredScope scope;
    private final boolean withEvidence;
    private final Set<String> replacedPairs = new HashSet<>();

    /** @param withEvidence whether claims carry their evidence sentence (for a reader), or only their figures */
    DbTotalsStore(EntityManager em, StoredScope scope, boolean withEvidence) {
        this.em = em;
        this.scope = scope;
        this.withEvidence = withEvidence;
    }

    private java.util.stream.Stream<Claim> claims(String where, java.util.function.UnaryOperator<jakarta.persistence.TypedQuery<Object[]>> parameters) {
        String select = "select " + CLAIM_COLUMNS + (withEvidence ? ", f.evidenceSentence" : "")
                + " from CurrentFact f, ReportState s where s.reportId = f.reportId"
                + " and f.reviewStatus <> :rejected and f.confidence in :confidences and " + where;
        return parameters.apply(em.createQuery(select, Object[].class)
                        .setParameter("rejected", ReviewStatus.REJECTED.code())
                        .setParameter("confidences", confidences()))
                .getResultStream()
                .map(this::toClaim);
    }

    private Claim toClaim(Object[] row) {
        CurrentFact fact = new CurrentFact();
        int i = 0;
        fact.reportId = (String) row[i++];
        fact.factId = (String) row[i++];
        fact.metric = (String) row[i++];
        fact.unit = (String) row[i++];
        fact.value = (java.math.BigDecimal) row[i++];
        fact.qualifier = (String) row[i++];
        fact.basis = (String) row[i++];
        fact.periodStart = (java.time.LocalDate) row[i++];
        fact.periodEnd = (java.time.LocalDate) row[i++];
        fact.asOf = (java.time.LocalDate) row[i++];
        fact.donorName = (String) row[i++];
        fact.donorCode = (String) row[i++];
        fact.donorLevel = (String) row[i++];
        fact.donorMembers = (String) row[i++];
        fact.donorMembersInferred = (Boolean) row[i++];
        fact.recipientName = (String) row[i++];
        fact.recipientCode = (String) row[i++];
        fact.recipientLevel = (String) row[i++];
        fact.recipientMembers = (String) row[i++];
        fact.recipientMembersInferred = (Boolean) row[i++];
        fact.confidence = (String) row[i++];
        fact.confidenceReasons = (String) row[i++];
        fact.partOf = (String) row[i++];
        fact.origin = (String) row[i++];
        fact.reviewStatus = (String) row[i++];
        fact.reviewChanged = (Boolean) row[i++];
        fact.reviewedBy = (String) row[i++];
        fact.reviewedAt = (Instant) row[i++];
        Instant reportedAt = (Instant) row[i++];
        fact.evidenceSentence = withEvidence ? (String) row[i] : null;
        return CurrentClaims.toClaim(fact, reportedAt);
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
        return claims("f.metric = :metric and f.unit = :unit and f.pairKey in :pairs", query -> query
                .setParameter("metric", metricUnit.metric())
                .setParameter("unit", metricUnit.unit())
                .setParameter("pairs", List.copyOf(pairIdentities))).toList();
    }

    /** Every current claim of a metric in scope, any unit and pair. */
    List<Claim> claimsOfMetric(String metric) {
        return claims("f.metric = :metric", query -> query.setParameter("metric", metric)).toList();
    }

    @Override
    public List<Claim> claimsByFact(Collection<List<String>> reportAndFactIds) {
        Set<List<String>> wanted = new HashSet<>(reportAndFactIds);
        Set<String> reports = new HashSet<>();
        wanted.forEach(id -> reports.add(id.get(0)));
        return claims("f.reportId in :reports", query -> query.setParameter("reports", List.copyOf(reports)))
                .filter(claim -> wanted.contains(List.of(claim.source().reportId(), claim.source().factId())))
                .toList();
    }

    @Override
    public Map<String, Pair> statedIn(MetricUnit metricUnit, Collection<String> pairIdentities) {
        Map<String, Pair> stated = new TreeMap<>();
        if (pairIdentities.isEmpty()) {
            return stated;
        }
        // Of the pairs with an actual claim, the first claim by report id, then fact id (collation "C", as Java
        // compares strings), whatever its basis: the spelling TotalCalculator gives the pair.
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select distinct on (pair_key) id from current_fact
                         where pair_key in (:pairs) and metric = :metric and unit = :unit
                           and review_status <> :rejected and confidence in (:confidences)
                           and pair_key in (select pair_key from current_fact
                                             where pair_key in (:pairs) and metric = :metric and unit = :unit
                                               and review_status <> :rejected and confidence in (:confidences)
                                               and basis <> :plan)
                         order by pair_key, report_id collate "C", fact_id collate "C"
                        """)
                .setParameter("pairs", List.copyOf(pairIdentities))
                .setParameter("metric", metricUnit.metric())
                .setParameter("unit", metricUnit.unit())
                .setParameter("rejected", ReviewStatus.REJECTED.code())
                .setParameter("confidences", confidences())
                .setParameter("plan", org.counterpart.metrics.totals.Basis.PLAN.code())
                .getResultList();
        spellings(ids, stated);
        return stated;
    }

    private void spellings(List<Number> ids, Map<String, Pair> into) {
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("from CurrentFact f where f.id in :ids", CurrentFact.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .getResultStream()
                .forEach(fact -> into.put(fact.pairKey, fact.pair()));
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
        spellings(ids, known);
        return known;
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
            List<String> gone = em.createNativeQuery("select pair_key from stored_total where scope = :scope"
                            + " and metric = :metric and unit = :unit and root_key in (:roots)")
                    .setParameter("scope", scope.code())
                    .setParameter("metric", metricUnit.metric())
                    .setParameter("unit", metricUnit.unit())
                    .setParameter("roots", List.copyOf(roots))
                    .getResultList();
            replacedPairs.addAll(gone);
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
