package org.counterpart.metrics.projection;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.IncrementalTotals;
import org.counterpart.metrics.totals.ReviewStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Keeps the stored totals ({@code stored_total}) in step with the current facts, in two steps so that applying an
 * event never waits for totals to be worked out:
 * <ol>
 *   <li>{@link #note}, in the transaction that replaces a report's facts: one row per scope, metric, unit and pair
 *   its facts stated before or state now, in {@code pending_total_change}. A few inserts, whatever the record.</li>
 *   <li>{@link #refresh}, a few times a second: every change noted since the last refresh, worked off at once
 *   ({@link IncrementalTotals}); the trees many events touched are worked out once. Then the noted rows go, and the
 *   reports' {@code totals_at} says since when the totals reflect them.</li>
 * </ol>
 * The totals lag the facts by at most about one refresh (the benchmark measures it, end to end, to
 * {@code totals_at}). A refresh that finds the rows of an event committed after it read the changes still finds
 * that event's row next time; rows are deleted by id, never by range, as ids commit out of order.
 *
 * <p>Safe with several instances on one database: a refresh runs only under a transaction-scoped advisory lock
 * (another instance's refresh meanwhile skips its turn), and under the projection lock shared, so that a rebuild
 * (which holds it exclusively and stores every total itself) never meets a refresh.
 */
@ApplicationScoped
public class StoredTotals {

    private static final Logger LOG = Logger.getLogger(StoredTotals.class);

    /** The refresher's advisory lock: "cp-tots" in ASCII. */
    private static final long REFRESH_LOCK = 0x63702d746f7473L;

    /**
     * At most this many noted rows are worked off by one refresh. They stay in the database (only their distinct
     * touches are read), so the bound only keeps one delete from growing without end after a long outage.
     */
    private static final int LARGEST_REFRESH = 500_000;

    private final EntityManager em;
    private final Event<TotalsRefreshed> refreshed;
    private final IncrementalTotals incremental = new IncrementalTotals();

    private final Timer refreshTime;
    private final Counter changesWorkedOff;

    private final int refreshTimeoutSeconds;
    private final RefreshPace pace;

    public StoredTotals(EntityManager em, Event<TotalsRefreshed> refreshed,
                        MeterRegistry registry,
                        @ConfigProperty(name = "counterpart.totals.refresh-timeout")
                        Duration refreshTimeout,
                        @ConfigProperty(name = "counterpart.totals.refresh-share", defaultValue = "0.5")
                        double refreshShare) {
        this.pace = new RefreshPace(refreshShare);
        this.refreshTimeoutSeconds = (int) refreshTimeout.toSeconds();
        this.em = em;
        this.refreshed = refreshed;
        // How long a refresh takes, and how many noted changes refreshes worked off: together with GET /projection's
        // pendingTotals, whether the totals keep up (counterpart_totals_refresh_seconds at /q/metrics).
        this.refreshTime = Timer.builder("counterpart.totals.refresh")
                .description("Refreshes of the stored totals that worked off noted changes").register(registry);
        this.changesWorkedOff = Counter.builder("counterpart.totals.refreshed.changes")
                .description("Noted changes (scope, metric, unit, pair of a report revision) the refreshes worked off")
                .register(registry);
    }

    /** Notes what a report's new revision changes, in the transaction that applies it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void note(String reportId, long revision, Collection<CurrentFact> before, Collection<CurrentFact> after) {
        Set<List<String>> touched = new LinkedHashSet<>();
        List<CurrentFact> all = new ArrayList<>(before);
        all.addAll(after);
        all.stream()
                .filter(fact -> !ReviewStatus.REJECTED.code().equals(fact.reviewStatus))
                .forEach(fact -> StoredScope.of(Confidence.fromCode(fact.confidence), fact.spanYear).forEach(scope ->
                        touched.add(List.of(scope.code(), fact.metric, fact.unit, fact.pair().identity()))));
        if (touched.isEmpty()) {
            // Nothing counted before or after, but the report's totals_at is still to be set.
            touched.add(Arrays.asList(null, null, null, null));
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into pending_total_change"
                    + " (report_id, revision, scope, metric, unit, pair_key) values (?, ?, ?, ?, ?, ?)")) {
                for (List<String> touch : touched) {
                    insert.setString(1, reportId);
                    insert.setLong(2, revision);
                    for (int i = 0; i < 4; i++) {
                        insert.setString(3 + i, touch.get(i));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Works off what was noted, a few times a second, until nothing is left; but no more than its share of the time
     * ({@link RefreshPace}), so that long refreshes leave room for the consumers.
     */
    @Scheduled(every = "${counterpart.totals.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshNoted() {
        long started = System.nanoTime();
        if (!pace.due(started)) {
            return;
        }
        try {
            while (refresh() == LARGEST_REFRESH) {
                // A full batch: more may be waiting.
            }
        } catch (RuntimeException e) {
            // Transient (a restart of the database, a deadlock): the rows stay and the next turn tries again.
            LOG.warnf("Stored totals not refreshed this turn: %s", e);
        } finally {
            pace.ran(started, System.nanoTime());
        }
    }

    /**
     * One refresh in its own transaction.
     *
     * @return how many noted rows it worked off (0 when another instance, or a rebuild, had the turn)
     */
    public int refresh() {
        long started = System.nanoTime();
        // Longer than the default 60 s: a refresh cut off by the transaction timeout is rolled back and starts again
        // from the same notes, so at a size where it takes longer it would never finish.
        TotalsRefreshed outcome = QuarkusTransaction.requiringNew().timeout(refreshTimeoutSeconds)
                .call(this::refreshInTransaction);
        if (outcome == null) {
            return 0;
        }
        refreshTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        changesWorkedOff.increment(outcome.rows());
        return outcome.rows();
    }

    private TotalsRefreshed refreshInTransaction() {
        if (!tryLock("select pg_try_advisory_xact_lock_shared(?1)", ProjectionLock.KEY)
                || !tryLock("select pg_try_advisory_xact_lock(?1)", REFRESH_LOCK)) {
            return null;
        }
        // The notes are worked off inside the database: deleted, their revisions stamped, and only the distinct
        // touches (a few hundred at most: scope, metric, unit, pair) come back. So a refresh takes every note
        // present, however many piled up while the last one ran, in memory that does not grow with them. The
        // delete takes exactly the rows this statement sees; a note committed meanwhile waits for the next turn.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with gone as (
                            delete from pending_total_change
                             where id in (select id from pending_total_change order by id limit :most)
                         returning report_id, revision, scope, metric, unit, pair_key),
                        stamped as (
                            update report_state s set totals_at = :now
                              from (select distinct report_id, revision from gone) g
                             where s.report_id = g.report_id and s.revision = g.revision and s.totals_at is null
                         returning s.report_id)
                        select 'touch', scope, metric, unit, pair_key
                          from (select distinct scope, metric, unit, pair_key from gone where scope is not null) t
                        union all select 'report', report_id, null, null, null from stamped
                        union all select 'notes', cast(count(*) as text), null, null, null from gone
                        """)
                .setParameter("most", LARGEST_REFRESH)
                .setParameter("now", Instant.now())
                .getResultList();
        Map<StoredScope, Set<IncrementalTotals.Touch>> touched = new HashMap<>();
        List<String> reports = new ArrayList<>();
        int notes = 0;
        for (Object[] row : rows) {
            switch ((String) row[0]) {
                case "touch" -> touched.computeIfAbsent(StoredScope.ofCode((String) row[1]), k -> new HashSet<>())
                        .add(new IncrementalTotals.Touch((String) row[2], (String) row[3], (String) row[4]));
                case "report" -> reports.add((String) row[1]);
                default -> notes = Integer.parseInt((String) row[1]);
            }
        }
        if (notes == 0) {
            return null;
        }
        Set<String> pairs = new HashSet<>();
        touched.forEach((scope, touches) -> {
            DbTotalsStore store = new DbTotalsStore(em, scope, false);
            incremental.refresh(store, touches);
            pairs.addAll(store.replacedPairs());
            store.countReportsOfReplacedPairs();
        });
        TotalsRefreshed outcome = new TotalsRefreshed(notes, reports, pairs);
        refreshed.fire(outcome);
        return outcome;
    }

    private boolean tryLock(String sql, long key) {
        return Boolean.TRUE.equals(em.createNativeQuery(sql).setParameter(1, key).getSingleResult());
    }

    /**
     * Stores every total again from all current facts: after a rebuild, and once for facts stored before totals
     * were. The caller holds the projection lock exclusively.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void rebuildAll() {
        em.createNativeQuery("delete from stored_total").executeUpdate();
        em.createNativeQuery("delete from stored_pair").executeUpdate();
        em.createNativeQuery("delete from known_pair").executeUpdate();
        em.createNativeQuery("delete from pending_total_change").executeUpdate();
        List<StoredScope> scopes = new ArrayList<>(StoredScope.ALL_YEARS);
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery("select distinct span_year from current_fact"
                + " where span_year is not null order by span_year").getResultList();
        years.forEach(year -> scopes.add(StoredScope.yearly(year.intValue())));
        for (StoredScope scope : scopes) {
            // Worked out as a refresh would from nothing stored, with every pair touched: one tree at a time, so
            // that a rebuild needs no more memory than a refresh, whatever the size of the record.
            DbTotalsStore store = new DbTotalsStore(em, scope, false);
            incremental.refresh(store, store.everyTouch());
            store.countReportsOfReplacedPairs();
        }
        em.createNativeQuery("update report_state set totals_at = :now where totals_at is null")
                .setParameter("now", Instant.now()).executeUpdate();
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
        LOG.infof("Stored totals built from the current facts (%d facts keyed anew)", unkeyed.size());
    }
}
