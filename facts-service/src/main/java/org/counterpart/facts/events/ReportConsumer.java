package org.counterpart.facts.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.facts.ledger.Ledger;
import org.counterpart.facts.ledger.ReportWithdrawal;
import org.counterpart.facts.ledger.SourceReport;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each report event into facts. The processed-event row, the facts and the outgoing event are written in
 * one transaction, and the offset is committed only after it: a redelivered report changes nothing, and a
 * message that cannot be read goes to the dead-letter topic (reports-dlq) instead of blocking the partition.
 */
@ApplicationScoped
public class ReportConsumer {

    private final Ledger ledger;
    private final ReportWithdrawal withdrawal;
    private final ObjectMapper json;
    private final Counter extracted;
    private final Counter duplicates;

    public ReportConsumer(Ledger ledger, ReportWithdrawal withdrawal, ObjectMapper json, MeterRegistry registry) {
        this.ledger = ledger;
        this.withdrawal = withdrawal;
        this.json = json;
        this.extracted = Counter.builder("counterpart.reports.extracted").register(registry);
        this.duplicates = Counter.builder("counterpart.reports.duplicates")
                .description("Redelivered report events ignored").register(registry);
    }

    @Incoming("reports")
    @Blocking
    @Transactional
    public void onReport(ConsumerRecord<String, String> record) throws JsonProcessingException {
        ReportEvent event = json.readValue(record.value(), ReportEvent.class);
        if (event.eventId() == null || event.reportId() == null) {
            throw new IllegalArgumentException("Report event lacks eventId or reportId");
        }
        boolean deletion = ReportEvent.DELETED.equals(event.type());
        if (!deletion && !ReportEvent.SUBMITTED.equals(event.type())) {
            return; // a later event type this version does not know: not ours to act on
        }
        if (!deletion && (event.text() == null || event.text().isBlank())) {
            throw new IllegalArgumentException("ReportSubmitted event " + event.eventId() + " has no text");
        }
        if (!ProcessedEvent.firstTime(event.eventId())) {
            duplicates.increment();
            return;
        }
        if (deletion) {
            withdrawal.withdraw(event.reportId());
            return;
        }
        SourceReport report = SourceReport.findById(event.reportId());
        if (report == null) {
            report = new SourceReport();
            report.id = event.reportId();
        }
        report.text = event.text();
        report.title = event.title();
        report.language = event.language();
        report.publishedAt = event.publishedAt();
        report.persist();
        ledger.extract(report);
        extracted.increment();
    }
}
