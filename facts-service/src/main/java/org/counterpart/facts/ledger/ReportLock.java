package org.counterpart.facts.ledger;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises the writers of one report's facts: the consumer applying the report's events (extraction,
 * withdrawal) and a rerun, which runs on a request thread of its own. Without it a rerun that read the report
 * before a concurrent withdrawal committed would write its facts back after it, at a higher revision than the
 * retraction. Holding the lock, a writer sees everything committed by the writer before it.
 *
 * <p>A transaction-scoped PostgreSQL advisory lock rather than a row lock: a deletion may arrive for a report that
 * has no row here (yet), and must still keep out a writer that comes after it. It is released at commit or
 * rollback. Two report ids that share a key only wait for each other needlessly.
 */
@ApplicationScoped
public class ReportLock {

    private final EntityManager entityManager;

    public ReportLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits until no other transaction writes this report's facts, and keeps them out until this one ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(UUID reportId) {
        // pg_advisory_xact_lock returns void, which has no JDBC mapping: select a constant from it instead.
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                .setParameter("key", key(reportId))
                .getSingleResult();
    }

    /**
     * Takes the report's lock and answers whether its facts may still be written: false once the report was
     * withdrawn, whether before this transaction started or while it waited for the lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdUnlessWithdrawn(UUID reportId) {
        hold(reportId);
        // Read after the lock was granted: at READ COMMITTED this statement sees a withdrawal committed meanwhile.
        return !ReportTombstone.exists(reportId);
    }

    static long key(UUID reportId) {
        return reportId.getMostSignificantBits() ^ reportId.getLeastSignificantBits();
    }
}
