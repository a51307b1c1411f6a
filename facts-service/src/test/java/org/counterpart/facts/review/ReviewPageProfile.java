package org.counterpart.facts.review;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.counterpart.infra.quarkus.EmbeddedInfraResource;

/**
 * The review page test's own database, reports topic and consumer group, so that the queue it reviews holds
 * exactly the facts of the reports it posts, whatever other test classes wrote to the broker and database server.
 */
public class ReviewPageProfile implements QuarkusTestProfile {

    static final String TOPIC = "reports-review-page";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.incoming.reports.topic", TOPIC,
                "mp.messaging.incoming.reports.group.id", "facts-review-page-it",
                "mp.messaging.incoming.reports.dead-letter-queue.topic", TOPIC + "-dlq");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedInfraResource.class, Map.of("database", "facts_review_page")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
