package org.counterpart.facts.inbound;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.edge.inbound.EventBatch;
import org.counterpart.edge.inbound.PatientRetries;
import org.counterpart.edge.inbound.PolledRecords;
import org.counterpart.edge.inbound.UnusableEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each report event into facts, the events of one poll in one transaction ({@link EventBatch}). The offsets are
 * committed only after that transaction: a redelivered report changes nothing. A message that can never be applied (unreadable, or values the database refuses) goes at
 * once to the dead-letter topic (reports-dlq, reason in its headers) instead of blocking the partition; one that
 * fails because the database is away is retried for as long as the outage lasts, its partition waiting
 * ({@link PatientRetries}); any other failure a few times, then dead-lettered.
 */
@ApplicationScoped
public class ReportConsumer {

    private static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "zh");

    private final ReportEventApplier applier;
    private final ObjectMapper json;
    private final EventBatch<ReportEvent, ReportEventApplier.Outcome> events;
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
        this.events = new EventBatch<>(new Steps(), PatientRetries.sleeping(attempts, firstPause, longestPause),
                PatientRetries.sleeping(1, firstPause, longestPause));
    }

    /**
     * One poll of a partition at a time (blocking, ordered): its events apply in one transaction
     * ({@link EventBatch}); the unusable ones are dead-lettered, then the poll is acknowledged.
     */
    @Incoming("reports")
    @Blocking
    public CompletionStage<Void> onReports(KafkaRecordBatch<String, String> batch) {
        EventBatch.Outcome outcome = events.apply(PolledRecords.of(batch));
        return PolledRecords.settle(batch, outcome.deadLetters());
    }

    private final class Steps implements EventBatch.Steps<ReportEvent, ReportEventApplier.Outcome> {
        @Override
        public ReportEvent read(ConsumerRecord<String, String> record) {
            try {
                ReportEvent event = ReportConsumer.this.read(record);
                if (event == null) {
                    count("ignored");
                }
                return event;
            } catch (MalformedReportEvent e) {
                count("malformed");
                throw e;
            }
        }

        @Override
        public List<ReportEventApplier.Outcome> applyAll(List<ReportEvent> events) {
            return applier.applyAll(events);
        }

        @Override
        public ReportEventApplier.Outcome applyOne(ReportEvent event) {
            return applier.apply(event);
        }

        @Override
        public UnusableEvent refusal(ReportEvent event, ReportEventApplier.Outcome outcome) {
            return null;
        }

        @Override
        public void settled(ReportEvent event, ReportEventApplier.Outcome outcome) {
            count(outcome.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public void failed(ReportEvent event, RuntimeException failure) {
            count("failed");
        }

        @Override
        public String describe(ReportEvent event) {
            return "report event " + event.eventId();
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
