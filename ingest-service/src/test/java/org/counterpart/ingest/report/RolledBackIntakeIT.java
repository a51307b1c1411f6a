package org.counterpart.ingest.report;

import java.time.Duration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.counterpart.edge.outbox.OutboxEvent;
import org.counterpart.infra.TopicReader;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfraResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class RolledBackIntakeIT {

    @Inject
    ReportIntake intake;

    @Test
    void aRolledBackReportPublishesNothing() {
        Submission submission = new Submission("Wenzhou trained 120 teachers from Liangshan in 2020.", null, "en",
                null, null, "text/plain");
        String[] id = new String[1];
        QuarkusTransaction.begin();
        id[0] = intake.accept(submission).report().id.toString();
        QuarkusTransaction.rollback();

        assertNull(QuarkusTransaction.requiringNew().call(() -> Report.findById(java.util.UUID.fromString(id[0]))));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("aggregateId", java.util.UUID.fromString(id[0]))));
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        assertTrue(TopicReader.read(bootstrap, "reports", r -> id[0].equals(r.key()), 1, Duration.ofSeconds(5)).isEmpty());
    }
}
