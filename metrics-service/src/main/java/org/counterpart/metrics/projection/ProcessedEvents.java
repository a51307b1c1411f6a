package org.counterpart.metrics.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Remembers handled event ids, in the caller's transaction, so that the effect and the record commit together. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the event as handled.
     *
     * @return false when it was already recorded, i.e. this is a redelivery
     */
    public boolean firstTime(String eventId) {
        // ON CONFLICT instead of look-then-insert: one statement, and no race between two consumers.
        int inserted = em.createNativeQuery(
                        "insert into processed_event (event_id, processed_at) values (?1, now()) on conflict do nothing")
                .setParameter(1, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
