package org.counterpart.facts.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What facts-service needs of the messages on the reports topic, as a consumer-driven contract with ingest-service:
 * only the fields its reader uses, each with the shape it relies on. The pact is written to contracts/pacts and
 * ingest-service's build verifies the messages it really publishes against it.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "ingest-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class ReportEventsContractTest {

    // Fixed examples keep the written pact the same from build to build; the matchers say what may vary.
    private static final String EVENT_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String REPORT_ID = "16fd2706-8baf-433b-82eb-8c7fada847da";
    private static final Date PUBLISHED = Date.from(Instant.parse("2021-07-01T12:00:00Z"));

    private final ReportConsumer consumer = new ReportConsumer(null,
            new ObjectMapper().registerModule(new JavaTimeModule()), new SimpleMeterRegistry(), 1,
            Duration.ofMillis(1), Duration.ofMillis(1));

    @Pact(consumer = "facts-service")
    MessagePact aSubmittedReport(MessagePactBuilder builder) {
        PactDslJsonBody body = new PactDslJsonBody()
                .uuid("eventId", EVENT_ID)
                .stringValue("type", "ReportSubmitted")
                .uuid("reportId", REPORT_ID)
                .stringType("text", "In 2021 Wuxi sent 30 doctors to Yanbian and gave 12 million yuan.")
                .stringType("title", "Wuxi and Yanbian")
                .stringMatcher("language", "en|zh", "en")
                .date("publishedAt", "yyyy-MM-dd", PUBLISHED)
                .stringMatcher("sourceUrl", "https?://\\S+", "https://example.org/wuxi-yanbian");
        return builder.expectsToReceive("a submitted report with its title, date and source")
                .withContent(body).toPact();
    }

    @Pact(consumer = "facts-service")
    MessagePact aSubmittedBareText(MessagePactBuilder builder) {
        PactDslJsonBody body = new PactDslJsonBody()
                .uuid("eventId", EVENT_ID)
                .stringValue("type", "ReportSubmitted")
                .uuid("reportId", REPORT_ID)
                .stringType("text", "Xuzhou trained 200 teachers from Hotan.")
                .stringMatcher("language", "en|zh", "en");
        return builder.expectsToReceive("a submitted report that is only text")
                .withContent(body).toPact();
    }

    @Pact(consumer = "facts-service")
    MessagePact aDeletedReport(MessagePactBuilder builder) {
        PactDslJsonBody body = new PactDslJsonBody()
                .uuid("eventId", EVENT_ID)
                .stringValue("type", "ReportDeleted")
                .uuid("reportId", REPORT_ID);
        return builder.expectsToReceive("a deleted report").withContent(body).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aSubmittedReport")
    void readsEveryFieldOfASubmittedReport(List<Message> messages) {
        ReportEvent event = read(messages.get(0));
        assertEquals(ReportEvent.SUBMITTED, event.type());
        assertNotNull(event.eventId());
        assertNotNull(event.reportId());
        assertEquals("Wuxi and Yanbian", event.title());
        assertEquals("en", event.language());
        assertNotNull(event.publishedAt(), "a date in the ISO form the reader parses");
        assertEquals("https://example.org/wuxi-yanbian", event.sourceUrl());
    }

    @Test
    @PactTestFor(pactMethod = "aSubmittedBareText")
    void readsAReportWithoutItsOptionalFields(List<Message> messages) {
        ReportEvent event = read(messages.get(0));
        assertEquals("Xuzhou trained 200 teachers from Hotan.", event.text());
        assertNull(event.title());
        assertNull(event.publishedAt());
    }

    @Test
    @PactTestFor(pactMethod = "aDeletedReport")
    void readsADeletion(List<Message> messages) {
        ReportEvent event = read(messages.get(0));
        assertEquals(ReportEvent.DELETED, event.type());
        assertNull(event.text());
    }

    private ReportEvent read(Message message) {
        return consumer.read(new ConsumerRecord<>("reports", 0, 0L, "key", message.contentsAsString()));
    }
}
