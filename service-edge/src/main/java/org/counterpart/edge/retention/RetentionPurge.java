package org.counterpart.edge.retention;

import java.time.Instant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.counterpart.edge.OutboxSettings;
import org.counterpart.edge.RetentionSettings;
import org.jboss.logging.Logger;

/**
 * Deletes what the edge only needs for a while: outbox rows long since published (their payloads are on the topic)
 * and the ids of consumed events, kept far beyond any redelivery. In small batches, each its own transaction, so a
 * purge never holds locks the relay or the consumers wait for. A service purges whichever of the two tables it has.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final EntityManager entityManager;
    private final RetentionSettings settings;
    private final OutboxSettings outbox;

    public RetentionPurge(EntityManager entityManager, RetentionSettings settings, OutboxSettings outbox) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.outbox = outbox;
    }

    @Scheduled(every = "${counterpart.retention.every:1h}", delayed = "${counterpart.retention.first-after:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (settings.enabled()) {
            purge(Instant.now());
        }
    }

    /** Purges everything older than its retention at {@code now}; answers how many rows went. */
    public long purge(Instant now) {
        long removed = 0;
        if (tableExists("outbox_event")) {
            removed += inBatches("DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event "
                    + "WHERE published_at < :cutoff ORDER BY seq LIMIT :size)", now.minus(outbox.keepPublished()));
        }
        if (tableExists("processed_event")) {
            removed += inBatches("DELETE FROM processed_event WHERE event_id IN (SELECT event_id FROM processed_event "
                    + "WHERE processed_at < :cutoff LIMIT :size)", now.minus(settings.keepProcessedEvents()));
        }
        if (removed > 0) {
            LOG.infof("Retention purge removed %d rows", removed);
        }
        return removed;
    }

    private long inBatches(String sql, Instant cutoff) {
        long total = 0;
        int removed;
        do {
            removed = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql)
                    .setParameter("cutoff", cutoff)
                    .setParameter("size", settings.batchSize())
                    .executeUpdate());
            total += removed;
        } while (removed >= settings.batchSize());
        return total;
    }

    private boolean tableExists(String table) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT to_regclass(:table) IS NOT NULL")
                .setParameter("table", table)
                .getSingleResult()) instanceof Boolean exists && exists;
    }
}
