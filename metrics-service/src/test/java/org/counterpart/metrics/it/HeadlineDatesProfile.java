package org.counterpart.metrics.it;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;

/**
 * HeadlineDatesIT's own database, topic and consumer group: it reads the headline figures over everything, so they
 * must hold only the reports it publishes (and its reports must not move other classes' headline figures).
 */
public class HeadlineDatesProfile implements QuarkusTestProfile {

    static final String TOPIC = "facts-headline-dates";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.incoming.facts.topic", TOPIC,
                "mp.messaging.incoming.facts.group.id", "metrics-headline-dates-it",
                "mp.messaging.incoming.facts.dead-letter-queue.topic", TOPIC + "-dlq");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedInfraResource.class, Map.of("database", "metrics_headline_dates")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
