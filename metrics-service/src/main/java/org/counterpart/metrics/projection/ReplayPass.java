package org.counterpart.metrics.projection;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.counterpart.metrics.message.FactsEvent;

/**
 * One pass of a rebuild ({@link ProjectionRebuild}): throws the projection away and replays every event into it,
 * through the same code that applies live events, in one transaction. Readers keep seeing the old totals until the
 * rebuilt ones commit, and a failure leaves the old projection as it was. The exclusive {@link ProjectionLock}
 * holds live events back meanwhile; they are applied (or found already replayed) once the pass has committed.
 */
@ApplicationScoped
public class ReplayPass {

    /** Keeps the persistence context small while thousands of events are replayed. */
    private static final int FLUSH_EVERY = 200;

    private final EntityManager em;
    private final ProjectionLock lock;
    private final ReportFactsProjection projection;
    private final StoredTotals storedTotals;

    public ReplayPass(EntityManager em, ProjectionLock lock, ReportFactsProjection projection, StoredTotals storedTotals) {
        this.em = em;
        this.lock = lock;
        this.projection = projection;
        this.storedTotals = storedTotals;
    }

    /**
     * @param leftOut ids of events that failed to apply in an earlier pass: skipped as {@code failed_to_apply}
     * @throws MessageFailedToApply when the database refuses an event for what it says; this pass is rolled back
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    ProjectionRebuild.Outcome run(FactsSource source, Set<String> leftOut) {
        lock.exclusive();
        em.createNativeQuery("delete from current_fact").executeUpdate();
        em.createNativeQuery("delete from report_state").executeUpdate();
        em.createNativeQuery("delete from processed_event").executeUpdate();
        Map<ProjectionOutcome, Long> events = new EnumMap<>(ProjectionOutcome.class);
        Map<String, Long> skipped = new TreeMap<>();
        long[] replayed = {0};
        source.forEach(event -> {
            if (leftOut.contains(event.eventId())) {
                skipped.merge(ProjectionRebuild.FAILED_TO_APPLY, 1L, Long::sum);
                return;
            }
            ProjectionResult result = replay(event);
            if (result.isRejected()) {
                skipped.merge(result.reason(), 1L, Long::sum);
            } else {
                events.merge(result.outcome(), 1L, Long::sum);
            }
            if (++replayed[0] % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }, reason -> skipped.merge(reason, 1L, Long::sum));
        em.flush();
        em.clear();
        // The same rows the live events would have stored one by one (IncrementalTotalsProperties checks that the
        // two agree), worked out once over the replayed facts.
        storedTotals.rebuildAll();
        return new ProjectionRebuild.Outcome(events, skipped);
    }

    private ProjectionResult replay(FactsEvent event) {
        try {
            return projection.replay(event);
        } catch (RuntimeException e) {
            if (ContentErrors.causedByContent(e)) {
                throw new MessageFailedToApply(event.eventId(), e);
            }
            throw e;
        }
    }
}
