package org.counterpart.metrics.projection;

import java.util.EnumMap;
import java.util.Map;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Throws the projection away and builds it again from the events, through the same code that applies live
 * events. One transaction: readers keep seeing the old totals until the rebuilt ones commit, and a failure
 * leaves the old projection as it was. The exclusive {@link ProjectionLock} holds live events back meanwhile;
 * they are applied (or found already replayed) once the rebuild has committed.
 */
@ApplicationScoped
public class ProjectionRebuild {

    /** Keeps the persistence context small while thousands of events are replayed. */
    private static final int FLUSH_EVERY = 200;

    private final EntityManager em;
    private final ProjectionLock lock;
    private final ReportFactsProjection projection;

    public ProjectionRebuild(EntityManager em, ProjectionLock lock, ReportFactsProjection projection) {
        this.em = em;
        this.lock = lock;
        this.projection = projection;
    }

    /** What a rebuild did: events by outcome, and unreadable messages skipped. */
    public record Outcome(Map<ProjectionOutcome, Long> events, long skipped) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Outcome rebuild(FactsSource source) {
        lock.exclusive();
        em.createNativeQuery("delete from current_fact").executeUpdate();
        em.createNativeQuery("delete from report_state").executeUpdate();
        em.createNativeQuery("delete from processed_event").executeUpdate();
        Map<ProjectionOutcome, Long> counts = new EnumMap<>(ProjectionOutcome.class);
        long[] replayed = {0};
        long skipped = source.forEach(event -> {
            counts.merge(projection.replay(event).outcome(), 1L, Long::sum);
            if (++replayed[0] % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        });
        return new Outcome(counts, skipped);
    }
}
