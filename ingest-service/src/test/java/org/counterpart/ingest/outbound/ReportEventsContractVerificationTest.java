package org.counterpart.ingest.outbound;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.counterpart.contract.RecordingOutbox;
import org.counterpart.ingest.report.Report;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The messages ingest-service publishes on the reports topic, built by its own announcer and outbox serialisation,
 * verified against every consumer's pact in contracts/pacts (facts-service's today). A change to the event that a
 * consumer relies on fails here, in the provider's build.
 */
@Provider("ingest-service")
@PactFolder("../contracts/pacts")
class ReportEventsContractVerificationTest {

    private static final URI SOURCE = URI.create("/ingest-service");
    private static final URI SCHEMA = URI.create("http://localhost:8081/schemas/report-event.schema.json");
    private static final String TYPE_PREFIX = "org.counterpart.reports.";

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        // Scanning only this package: the default scans the whole class path for each interaction.
        context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
    }

    @PactVerifyProvider("a submitted report with its title, date and source")
    MessageAndMetadata aSubmittedReport() {
        Report report = report("Since 2017, Ningde has sent 48 doctors to a county hospital in Gansu.");
        report.title = "Doctors sent west";
        report.language = "en";
        report.publishedAt = LocalDate.of(2022, 3, 14);
        report.sourceUrl = "https://news.example.org/2022/doctors";
        return published(outbox -> new ReportEvents(outbox).submitted(report));
    }

    @PactVerifyProvider("a submitted report that is only text")
    MessageAndMetadata aSubmittedBareText() {
        Report report = report("Jinhua built 16 workshops in Sichuan.");
        report.language = "en";
        return published(outbox -> new ReportEvents(outbox).submitted(report));
    }

    @PactVerifyProvider("a deleted report")
    MessageAndMetadata aDeletedReport() {
        Report report = report("Jinhua built 16 workshops in Sichuan.");
        return published(outbox -> new ReportEvents(outbox).deleted(report));
    }

    private static Report report(String text) {
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.text = text;
        report.contentHash = "sha256-of-the-normalised-text";
        report.receivedAt = Instant.parse("2022-03-15T08:00:00Z");
        report.contentType = "text/plain";
        return report;
    }

    private static MessageAndMetadata published(java.util.function.Consumer<RecordingOutbox> announce) {
        RecordingOutbox outbox = new RecordingOutbox();
        announce.accept(outbox);
        ProducerRecord<String, byte[]> record = outbox.lastPublished(TYPE_PREFIX, SOURCE, SCHEMA);
        return new MessageAndMetadata(record.value(), RecordingOutbox.metadata(record));
    }
}
