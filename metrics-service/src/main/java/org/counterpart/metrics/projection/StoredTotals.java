package org.counterpart.metrics.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.IncrementalTotals;
import org.counterpart.metrics.totals.ReviewStatus;
import org.counterpart.metrics.totals.StoredTotal;
import org.counterpart.metrics.totals.TotalCalculator;
import org.jboss.logging.Logger;

/**
 * Keeps the stored totals ({@code stored_total}) in step with the current facts, in the transaction that changes
 * the facts: {@link #before} once the report's row is claimed and before its facts are replaced, {@link #after}
 * once they are. Only the roll-up trees the change reaches are worked out again ({@link IncrementalTotals}).
 *
 * <p>Safe with several consumers on one database. Two reports applied at once by two instances may reach the same
 * trees: each would work them out from claims that miss the other's uncommitted change, and the later commit would
 * overwrite the earlier one's rows. So before reading anything the step takes transaction-scoped advisory locks:
 * one per pair the report states before or after (so that two changes to which pairs the hierarchy knows, or how
 * it spells them, take turns), then one per metric and unit it touches (a tree, and the structure of a metric,
 * are then worked out by one transaction at a time, which sees the other's committed facts and rows: under READ
 * COMMITTED each statement reads what was committed before it). Locks are taken in order of their keys, pairs
 * before metrics, so two applies cannot wait on each other; only when a change alters which pairs the hierarchy
 * knows does the step lock further metrics later, and should that ever meet another transaction's locks the wrong
 * way round, PostgreSQL breaks the deadlock (SQLState 40P01, transient) and the event is applied again.
 */
@ApplicationScoped
public class StoredTotals {

    private static final Logger LOG = Logger.getLogger(StoredTotals.class);

    /** Advisory lock spaces (first key of the two-key form, apart from {@link ProjectionLock}'s one-key lock). */
    private static final int PAIR_LOCKS = 0x63700001;
    private static final int METRIC_LOCKS = 0x63700002;

    private final EntityManager em;
    private final CurrentClaims claims;
    private final IncrementalTotals incremental = new IncrementalTotals();
    private final TotalCalculator calculator = TotalCalculator.standard();

    public StoredTotals(EntityManager em, CurrentClaims claims) {
        this.em = em;
        this.claims = claims;
    }

    /** What the step saw before the report's facts changed. */
    record Pending(Map<StoredScope, IncrementalTotals.Before> before) {
    }

    /** Takes the locks and notes what the hierarchy knows, before the report's facts change. */
    Pending before(Collection<CurrentFact> oldFacts, Collection<CurrentFact> newFacts) {
        List<CurrentFact> all = new ArrayList<>(oldFacts);
        all.addAll(newFacts);
        TreeSet<Integer> pairLocks = new TreeSet<>();
        TreeSet<Integer> metricLocks = new TreeSet<>();
        all.forEach(fact -> {
            pairLocks.add(fact.pair().identity().hashCode());
            metricLocks.add(metricLock(fact.metric, fact.unit));
        });
        pairLocks.forEach(key -> lock(PAIR_LOCKS, key));
        metricLocks.forEach(key -> lock(METRIC_LOCKS, key));
        Map<StoredScope, IncrementalTotals.Before> before = new EnumMap<>(StoredScope.class);
        for (StoredScope scope : StoredScope.values()) {
            List<IncrementalTotals.Touch> touches = all.stream()
                    .filter(fact -> !ReviewStatus.REJECTED.code().equals(fact.reviewStatus))
                    .filter(fact -> Confidence.fromCode(fact.confidence).reaches(scope.least()))
                    .map(fact -> new IncrementalTotals.Touch(fact.metric, fact.unit, fact.pair()))
                    .toList();
            before.put(scope, incremental.before(store(scope), touches));
        }
        return new Pending(before);
    }

    /** Works out again, and stores, the totals the change reaches. */
    void after(Pending pending) {
        pending.before().forEach((scope, before) -> incremental.after(store(scope), before));
    }

    private DbTotalsStore store(StoredScope scope) {
        return new DbTotalsStore(em, scope, this::lockMetric);
    }

    private void lockMetric(String metric, String unit) {
        lock(METRIC_LOCKS, metricLock(metric, unit));
    }

    private static int metricLock(String metric, String unit) {
        return (metric + "\u0000" + unit).hashCode();
    }

    private void lock(int space, int key) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1, ?2)").setParameter(1, space).setParameter(2, key)
                .getSingleResult();
    }

    /**
     * Stores every total again from all current facts: after a rebuild, and once for facts stored before totals
     * were. The caller holds the projection lock exclusively.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void rebuildAll() {
        em.createNativeQuery("delete from stored_total").executeUpdate();
        var current = claims.all();
        for (StoredScope scope : StoredScope.values()) {
            List<StoredTotal> totals = StoredTotal.allOf(calculator.totals(
                    current.stream().filter(scope.scope()::includes).toList()));
            new DbTotalsStore(em, scope, (metric, unit) -> { }).insert(totals);
        }
        em.createNativeQuery("update stored_totals_state set built = true where id = 1").executeUpdate();
    }

    /** At start-up, once: gives facts from before stored totals their pair key, and stores their totals. */
    @Transactional
    void backfill(@Observes StartupEvent event) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, ProjectionLock.KEY).getSingleResult();
        Object built = em.createNativeQuery("select built from stored_totals_state where id = 1").getSingleResult();
        if (Boolean.TRUE.equals(built)) {
            return;
        }
        List<CurrentFact> unkeyed = em.createQuery("from CurrentFact f where f.pairKey is null", CurrentFact.class)
                .getResultList();
        unkeyed.forEach(fact -> fact.pairKey = fact.pair().identity());
        em.flush();
        rebuildAll();
        LOG.infof("Stored totals built from the current facts (%d facts given their pair key)", unkeyed.size());
    }
}
