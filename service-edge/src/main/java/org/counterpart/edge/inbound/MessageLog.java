package org.counterpart.edge.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The ids of incoming events already applied, recorded in the transaction of their effect, so that a redelivered
 * event is recognised and changes nothing (idempotent consumer). The table, {@code processed_event(event_id,
 * processed_at)}, is each consuming service's own; {@link org.counterpart.edge.retention.RetentionPurge} trims it.
 */
@ApplicationScoped
public class MessageLog {

    private final EntityManager entityManager;

    public MessageLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event; answers false when it was recorded before, i.e. this is a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        // ON CONFLICT instead of look-then-insert: one statement, and no race between two consumers.
        return entityManager.createNativeQuery(
                        "INSERT INTO processed_event (event_id, processed_at) VALUES (?1, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .executeUpdate() == 1;
    }
}
