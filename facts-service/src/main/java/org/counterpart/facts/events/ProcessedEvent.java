package org.counterpart.facts.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An incoming event already applied; stored in the same transaction as its effect, so a redelivery is a no-op. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /** Records the event; answers false when it had been processed before. */
    public static boolean firstTime(UUID eventId) {
        if (findById(eventId) != null) {
            return false;
        }
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.processedAt = Instant.now();
        processed.persist();
        return true;
    }
}
