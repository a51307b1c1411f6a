package org.counterpart.metrics.it;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;

/**
 * The dashboard test's own database, topic and consumer group, so that its headline figures are exactly the
 * facts it publishes, whatever other test classes wrote to the shared broker and database server.
 */
public class DashboardProfile implements QuarkusTestProfile {

    static final String TOPIC = "facts-dashboard";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.incoming.facts.topic", TOPIC,
                "mp.messaging.incoming.facts.group.id", "metrics-dashboard-it",
                "mp.messaging.incoming.facts.dead-letter-queue.topic", TOPIC + "-dlq");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedInfraResource.class, Map.of("database", "metrics_dashboard")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
