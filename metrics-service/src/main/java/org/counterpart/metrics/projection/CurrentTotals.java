package org.counterpart.metrics.projection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.ArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.ClaimScope;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.IncrementalTotals;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.Total;
import org.counterpart.metrics.totals.TotalCalculator;
import org.counterpart.metrics.totals.TotalsStore;
import org.counterpart.metrics.totals.YearRange;

/**
 * Totals as readers see them. The default scope and the low-confidence scope (all years) are stored as facts change
 * ({@link StoredTotals}), so reading them is a lookup whatever the size of the record; other scopes (years, high
 * confidence only) are worked out on read from the claims in scope.
 */
@ApplicationScoped
public class CurrentTotals {

    /** Report ids per statement when asking for their dates: PostgreSQL takes at most 32,767 parameters. */
    private static final int REPORTS_PER_QUERY = 10_000;

    private final EntityManager em;
    private final CurrentClaims claims;
    private final TotalCalculator calculator = TotalCalculator.standard();
    private final IncrementalTotals incremental = new IncrementalTotals();

    public CurrentTotals(EntityManager em, CurrentClaims claims) {
        this.em = em;
        this.claims = claims;
    }

    /**
     * Every total (pairs and the parent pairs they roll up into) in scope, of one metric or all.
     *
     * @param withClaims whether the totals carry their claims (used and unused)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredTotal> totals(ClaimScope scope, Optional<String> metric, boolean withClaims) {
        Optional<StoredScope> stored = StoredScope.of(scope);
        if (stored.isPresent()) {
            return stored(stored.get(), metric, Optional.empty(), withClaims);
        }
        return StoredTotal.allOf(calculator.totals(claims.ofConfidence(scope.least()).stream()
                        .filter(scope::includes).toList())).stream()
                .filter(total -> metric.map(total.metric()::equals).orElse(true))
                .toList();
    }

    /** The totals of one metric whose pair is one of these (by identity), or which such a pair rolls up into. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredTotal> totalsOfPairs(ClaimScope scope, String metric, List<String> identities, boolean withClaims) {
        Optional<StoredScope> stored = StoredScope.of(scope);
        if (stored.isPresent()) {
            return stored(stored.get(), Optional.of(metric), Optional.of(identities), withClaims);
        }
        return totals(scope, Optional.of(metric), withClaims).stream()
                .filter(total -> identities.contains(total.identity())).toList();
    }

    /** The totals of these pairs (by identity), every metric; all totals when {@code identities} is null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredTotal> totalsOfPairs(ClaimScope scope, Set<String> identities) {
        Optional<StoredScope> stored = StoredScope.of(scope);
        if (identities == null || stored.isEmpty()) {
            return totals(scope, Optional.empty(), false).stream()
                    .filter(total -> identities == null || identities.contains(total.identity())).toList();
        }
        return stored(stored.get(), Optional.empty(), Optional.of(List.copyOf(identities)), false);
    }

    private List<StoredTotal> stored(StoredScope scope, Optional<String> metric, Optional<List<String>> pairs,
                                     boolean withClaims) {
        String sql = "select body from stored_total where scope = :scope"
                + metric.map(m -> " and metric = :metric").orElse("")
                + pairs.map(p -> " and pair_key in (:pairs)").orElse("");
        var query = em.createNativeQuery(sql).setParameter("scope", scope.code());
        metric.ifPresent(m -> query.setParameter("metric", m));
        pairs.ifPresent(p -> query.setParameter("pairs", p.isEmpty() ? List.of("") : p));
        @SuppressWarnings("unchecked")
        List<String> bodies = query.getResultList();
        List<StoredTotal> rows = bodies.stream().map(StoredTotalJson::read).toList();
        return withClaims ? withClaims(scope, rows) : rows;
    }

    /**
     * The same totals with their claims and report ids: as they are where they were worked out on read; for stored
     * ones, which hold figures only, the trees they sit in are worked out from their claims again (only those
     * trees), as the refresh that stored them did.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredTotal> withClaims(ClaimScope scope, List<StoredTotal> rows) {
        Optional<StoredScope> stored = StoredScope.of(scope);
        if (stored.isEmpty() || rows.stream().allMatch(row -> row.used() != null)) {
            return rows;
        }
        return withClaims(stored.get(), rows);
    }

    private List<StoredTotal> withClaims(StoredScope scope, List<StoredTotal> rows) {
        Map<TotalsStore.MetricUnit, Set<String>> roots = new LinkedHashMap<>();
        rows.forEach(row -> roots.computeIfAbsent(new TotalsStore.MetricUnit(row.metric(), row.unit()),
                k -> new HashSet<>()).add(row.root()));
        Map<List<String>, StoredTotal> worked = new HashMap<>();
        DbTotalsStore store = new DbTotalsStore(em, scope, true);
        roots.forEach((metricUnit, tops) -> StoredTotal.allOf(incremental.trees(store, metricUnit, tops))
                .forEach(total -> worked.put(List.of(total.metric(), total.unit(), total.identity()), total)));
        return rows.stream()
                .map(row -> worked.getOrDefault(List.of(row.metric(), row.unit(), row.identity()), row))
                .toList();
    }

    /**
     * The distinct reports some totals of one metric and unit add up, and the newest publication date among them:
     * from their own report ids where they carry them (worked out on read), else from the stored rows' report ids,
     * in one query.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportsBehind reportsBehind(ClaimScope scope, List<StoredTotal> totals) {
        if (totals.stream().allMatch(total -> total.reportIds() != null)) {
            List<String> ids = totals.stream().flatMap(total -> total.reportIds().stream()).distinct().toList();
            return new ReportsBehind(ids.size(), newestPublished(ids));
        }
        StoredTotal first = totals.get(0);
        Object[] row = (Object[]) em.createNativeQuery("select count(distinct r.id), max(s.published_at)"
                        + " from stored_total t cross join unnest(t.report_ids) as r(id)"
                        + " left join report_state s on s.report_id = r.id"
                        + " where t.scope = :scope and t.metric = :metric"
                        + " and t.unit = :unit and t.pair_key in (:pairs)")
                .setParameter("scope", StoredScope.of(scope).orElseThrow().code())
                .setParameter("metric", first.metric())
                .setParameter("unit", first.unit())
                .setParameter("pairs", totals.stream().map(StoredTotal::identity).toList())
                .getSingleResult();
        return new ReportsBehind(((Number) row[0]).intValue(), localDate(row[1]));
    }

    /** Asked in slices: a figure worked out on read may rest on more reports than one statement takes parameters. */
    private LocalDate newestPublished(List<String> reportIds) {
        LocalDate newest = null;
        for (int from = 0; from < reportIds.size(); from += REPORTS_PER_QUERY) {
            LocalDate ofSlice = localDate(em.createNativeQuery("select max(published_at) from report_state"
                            + " where report_id in (:ids)")
                    .setParameter("ids", reportIds.subList(from, Math.min(reportIds.size(), from + REPORTS_PER_QUERY)))
                    .getSingleResult());
            if (ofSlice != null && (newest == null || ofSlice.isAfter(newest))) {
                newest = ofSlice;
            }
        }
        return newest;
    }

    /** A date column as the JDBC driver hands it over (java.sql.Date or LocalDate, by Hibernate's version). */
    private static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }

    /** Distinct reports behind each pair's totals over all its metrics, by pair identity; empty for scopes not stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Integer> reportsBehindPairs(ClaimScope scope) {
        Optional<StoredScope> stored = StoredScope.of(scope);
        Map<String, Integer> counts = new HashMap<>();
        if (stored.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select pair_key, report_count from stored_pair where scope = :scope")
                .setParameter("scope", stored.get().code()).getResultList();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    /** The stored totals of one metric and unit that roll up into the given pair: its child pairs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredTotal> childPairs(ClaimScope scope, StoredTotal parent) {
        Optional<StoredScope> stored = StoredScope.of(scope);
        if (stored.isEmpty()) {
            return totals(scope, Optional.of(parent.metric()), false).stream()
                    .filter(total -> total.unit().equals(parent.unit()) && parent.identity().equals(total.parentIdentity()))
                    .toList();
        }
        @SuppressWarnings("unchecked")
        List<String> bodies = em.createNativeQuery("select body from stored_total where scope = :scope and metric = :metric"
                        + " and unit = :unit and parent_key = :parent")
                .setParameter("scope", stored.get().code())
                .setParameter("metric", parent.metric())
                .setParameter("unit", parent.unit())
                .setParameter("parent", parent.identity())
                .getResultList();
        return bodies.stream().map(StoredTotalJson::read).toList();
    }

    /**
     * Totals per calendar year, over the claims that lie within one year (period claims of that year, or
     * cumulative ones that start and end in it): the figures of a time series. The default scope's are stored per
     * year (read as they are); others are worked out from the metric's claims, figures only.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SortedMap<Integer, List<StoredTotal>> totalsPerYear(String metric, Confidence least) {
        SortedMap<Integer, List<StoredTotal>> perYear = new TreeMap<>();
        if (least == StoredScope.MEDIUM.least()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select scope, body from stored_total"
                            + " where scope like :yearly and metric = :metric")
                    .setParameter("yearly", StoredScope.YEARLY_PREFIX + "%")
                    .setParameter("metric", metric)
                    .getResultList();
            rows.forEach(row -> perYear.computeIfAbsent(StoredScope.ofCode((String) row[0]).year(),
                    k -> new ArrayList<>()).add(StoredTotalJson.read((String) row[1])));
            return perYear;
        }
        List<Claim> ofMetric = new DbTotalsStore(em, StoredScope.LOW, false).claimsOfMetric(metric).stream()
                .filter(claim -> claim.confidence().reaches(least)).toList();
        ofMetric.stream().mapToInt(claim -> claim.span().singleYear()).filter(year -> year > 0).distinct()
                .forEach(year -> perYear.put(year, StoredTotal.allOf(calculator.totals(
                        ofMetric.stream().filter(YearRange.single(year)::contains).toList()))));
        return perYear;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long reportCount() {
        return claims.reportCount();
    }
}
