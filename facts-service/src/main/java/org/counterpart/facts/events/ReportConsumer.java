package org.counterpart.facts.events;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each report event into facts. The offset is committed only after the event's transaction: a redelivered
 * report changes nothing. A message that cannot be read goes at once to the dead-letter topic (reports-dlq, reason in
 * its headers) instead of blocking the partition; one that fails to apply is retried with growing pauses first,
 * since that is mostly the database being away.
 */
@ApplicationScoped
public class ReportConsumer {

    private final ReportEventApplier applier;
    private final ObjectMapper json;
    private final Retries retries;
    private final MeterRegistry registry;

    public ReportConsumer(ReportEventApplier applier, ObjectMapper json, MeterRegistry registry,
                          @ConfigProperty(name = "counterpart.reports.apply-attempts", defaultValue = "12")
                          int attempts,
                          @ConfigProperty(name = "counterpart.reports.first-retry-pause", defaultValue = "0.5s")
                          Duration firstPause,
                          @ConfigProperty(name = "counterpart.reports.longest-retry-pause", defaultValue = "30s")
                          Duration longestPause) {
        this.applier = applier;
        this.json = json;
        this.registry = registry;
        this.retries = Retries.sleeping(attempts, firstPause, longestPause);
    }

    @Incoming("reports")
    @Blocking
    public void onReport(ConsumerRecord<String, String> record) {
        ReportEvent event;
        try {
            event = read(record);
        } catch (MalformedReportEvent e) {
            count("malformed");
            throw e;
        }
        if (event == null) {
            count("ignored");
            return;
        }
        try {
            ReportEventApplier.Outcome outcome = retries.call("Applying report event " + event.eventId(),
                    () -> applier.apply(event));
            count(outcome.name().toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
    }

    /** The event, or null for an event type this version does not act on. */
    ReportEvent read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new MalformedReportEvent("Empty message (key " + record.key() + ")", null);
        }
        ReportEvent event;
        try {
            event = json.readValue(record.value(), ReportEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedReportEvent("Not a report event: " + e.getOriginalMessage(), e);
        }
        if (event == null || event.eventId() == null || event.reportId() == null) {
            throw new MalformedReportEvent("Report event lacks eventId or reportId", null);
        }
        boolean deletion = ReportEvent.DELETED.equals(event.type());
        if (!deletion && !ReportEvent.SUBMITTED.equals(event.type())) {
            return null;
        }
        if (!deletion && (event.text() == null || event.text().isBlank())) {
            throw new MalformedReportEvent("ReportSubmitted event " + event.eventId() + " has no text", null);
        }
        return event;
    }

    private void count(String outcome) {
        registry.counter("counterpart.report.events", "outcome", outcome).increment();
    }
}
