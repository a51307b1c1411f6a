package org.counterpart.metrics.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A PostgreSQL advisory lock, held to the end of the caller's transaction, that keeps a rebuild apart from
 * events applied meanwhile by any instance sharing the database. Applying an event takes it shared (events of
 * different reports still run side by side); a rebuild takes it exclusively, so it starts only once events in
 * flight have committed, and events wait until the rebuilt projection has committed. Taken first thing in the
 * transaction, before any row lock, so the two can never deadlock.
 */
@ApplicationScoped
public class ProjectionLock {

    /** Any fixed number: the lock's name. "cp-mtrx" in ASCII. */
    static final long KEY = 0x63702d6d7472L;

    private final EntityManager em;

    public ProjectionLock(EntityManager em) {
        this.em = em;
    }

    void shared() {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(?1)").setParameter(1, KEY).getSingleResult();
    }

    void exclusive() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, KEY).getSingleResult();
    }
}
