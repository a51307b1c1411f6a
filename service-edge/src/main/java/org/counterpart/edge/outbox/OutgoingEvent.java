package org.counterpart.edge.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a service wants published: its own event object (serialised to JSON by the outbox) plus what the relay
 * needs to route it (topic, key) and to describe it (CloudEvents id, type, subject, time).
 */
public record OutgoingEvent(UUID eventId, String topic, String key, String type, UUID aggregateId,
                            Instant occurredAt, Object body) {
}
