package org.counterpart.edge.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Parked events make the service degraded, not down: everything else still flows, so the check stays UP (a DOWN
 * would take the instance out of service) and says {@code state: degraded} with the count for monitoring.
 */
@IfBuildProperty(name = "counterpart.outbox.publishes", stringValue = "true")
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        try {
            long[] counts = QuarkusTransaction.requiringNew()
                    .call(() -> new long[] {OutboxEvent.pending(), OutboxEvent.parkedCount()});
            return HealthCheckResponse.named("outbox").up()
                    .withData("state", counts[1] > 0 ? "degraded" : "ok")
                    .withData("pending", counts[0])
                    .withData("parked", counts[1])
                    .build();
        } catch (RuntimeException e) {
            // The datasource check reports the database itself; this one only says it cannot tell.
            return HealthCheckResponse.named("outbox").up().withData("state", "unknown").build();
        }
    }
}
