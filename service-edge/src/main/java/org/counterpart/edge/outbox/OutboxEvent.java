package org.counterpart.edge.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event written in the same transaction as the change it announces, waiting for the relay to publish it.
 * The table is each service's own (its migrations create it); the mapping is shared.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Set when the event can never be published (too large, refused by the broker for good); it then waits for an operator. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason", columnDefinition = "text")
    public String parkReason;

    /** The oldest events neither published nor parked, locked so that a second relay (another instance) takes others. */
    @SuppressWarnings("unchecked")
    static List<OutboxEvent> nextBatch(int size) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL "
                        + "ORDER BY seq LIMIT :size FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                .setParameter("size", size)
                .getResultList();
    }

    static long pending() {
        return count("publishedAt is null and parkedAt is null");
    }

    static List<OutboxEvent> parked(int limit) {
        return find("parkedAt is not null order by seq").page(0, limit).list();
    }

    static long parkedCount() {
        return count("parkedAt is not null");
    }

    /** Fired after an outbox row is written; the relay observes it after commit. */
    public record Written() {
    }
}
