package org.counterpart.facts.inbound;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.edge.inbound.PatientRetries;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each report event into facts. The offset is committed only after the event's transaction: a redelivered
 * report changes nothing. A message that can never be applied (unreadable, or values the database refuses) goes at
 * once to the dead-letter topic (reports-dlq, reason in its headers) instead of blocking the partition; one that
 * fails because the database is away is retried for as long as the outage lasts, its partition waiting
 * ({@link PatientRetries}); any other failure a few times, then dead-lettered.
 */
@ApplicationScoped
public class ReportConsumer {

    private static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "zh");

    private final ReportEventApplier applier;
    private final ObjectMapper json;
    private final PatientRetries retries;
    private final MeterRegistry registry;

    public ReportConsumer(ReportEventApplier applier, ObjectMapper json, MeterRegistry registry,
                          @ConfigProperty(name = "counterpart.reports.apply-attempts", defaultValue = "5")
                          int attempts,
                          @ConfigProperty(name = "counterpart.reports.first-retry-pause", defaultValue = "0.5s")
                          Duration firstPause,
                          @ConfigProperty(name = "counterpart.reports.longest-retry-pause", defaultValue = "30s")
                          Duration longestPause) {
        this.applier = applier;
        this.json = json;
        this.registry = registry;
        this.retries = PatientRetries.sleeping(attempts, firstPause, longestPause);
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
        if (!deletion && event.language() != null && !LANGUAGES.contains(event.language())) {
            // Anyone who can write the topic can send this; ingest only ever sends en or zh.
            throw new MalformedReportEvent("ReportSubmitted event " + event.eventId() + " has language '"
                    + abbreviated(event.language()) + "', not one of " + LANGUAGES, null);
        }
        if (!deletion && (hasNul(event.text()) || hasNul(event.title()))) {
            throw new MalformedReportEvent("ReportSubmitted event " + event.eventId()
                    + " holds a NUL character, which no text column can store", null);
        }
        return event;
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    private static String abbreviated(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    private void count(String outcome) {
        registry.counter("counterpart.report.events", "outcome", outcome).increment();
    }
}
