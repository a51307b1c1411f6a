package org.counterpart.facts.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.counterpart.edge.retention.RetentionPurge;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.junit.jupiter.api.Test;

/**
 * Published outbox rows and processed-event ids go once past their retention (7 and 30 days by default); what is
 * still pending, parked or recent stays. Run on facts-service because it has both tables.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "facts"))
class RetentionPurgeIT {

    @Inject
    RetentionPurge purge;

    @Inject
    EntityManager entityManager;

    private final String marker = UUID.randomUUID().toString();

    private void outboxRow(Instant createdAt, Instant publishedAt, Instant parkedAt) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "INSERT INTO outbox_event (event_id, topic, message_key, event_type, aggregate_id, payload, "
                                + "created_at, published_at, parked_at) VALUES (?1, 'facts', ?2, 'FactsReplaced', ?3, "
                                + "'{}', ?4, ?5, ?6)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, marker)
                .setParameter(3, UUID.randomUUID())
                .setParameter(4, createdAt)
                .setParameter(5, publishedAt)
                .setParameter(6, parkedAt)
                .executeUpdate());
    }

    private void processed(Instant at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "INSERT INTO processed_event (event_id, processed_at) VALUES (?1, ?2)")
                .setParameter(1, marker + "-" + UUID.randomUUID())
                .setParameter(2, at)
                .executeUpdate());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, marker + "%").getSingleResult()).longValue());
    }

    @Test
    void onlyWhatIsPastItsRetentionGoes() {
        Instant now = Instant.now();
        Instant tenDaysAgo = now.minus(Duration.ofDays(10));
        // More than two purge batches of published rows.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "INSERT INTO outbox_event (event_id, topic, message_key, event_type, aggregate_id, payload, "
                                + "created_at, published_at) SELECT gen_random_uuid(), 'facts', ?1, 'FactsReplaced', "
                                + "gen_random_uuid(), '{}', ?2, ?2 FROM generate_series(1, 1200)")
                .setParameter(1, marker)
                .setParameter(2, tenDaysAgo)
                .executeUpdate());
        outboxRow(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)), null); // recent
        outboxRow(tenDaysAgo, null, null); // never published: still pending
        outboxRow(tenDaysAgo, null, tenDaysAgo); // parked: waits for an operator
        processed(now.minus(Duration.ofDays(40)));
        processed(now.minus(Duration.ofDays(40)));
        processed(now.minus(Duration.ofDays(2)));

        purge.purge(now);

        assertEquals(3, count("SELECT count(*) FROM outbox_event WHERE message_key LIKE ?1"));
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE event_id LIKE ?1"));
    }
}
