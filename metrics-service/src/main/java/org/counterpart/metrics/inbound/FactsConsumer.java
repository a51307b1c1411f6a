package org.counterpart.metrics.inbound;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.edge.inbound.EventBatch;
import org.counterpart.edge.inbound.PatientRetries;
import org.counterpart.edge.inbound.PolledRecords;
import org.counterpart.edge.inbound.UnusableEvent;
import org.counterpart.metrics.message.FactsEvent;
import org.counterpart.metrics.projection.ProjectionResult;
import org.counterpart.metrics.projection.ReportFactsProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies the events of topic {@code facts} to the current facts, a poll's events in one transaction. A message that can never be applied (malformed,
 * invalid, rejected by the projection, or values the database refuses) is nacked at once and the channel's failure
 * strategy sends it to {@code facts-dlq}; one that fails because the database is away waits for it however long
 * that takes ({@link PatientRetries}); anything else is tried a few times, then dead-lettered. Either way the next
 * message is then processed as usual.
 */
@ApplicationScoped
public class FactsConsumer {

    private static final Logger LOG = Logger.getLogger(FactsConsumer.class);

    private final FactsEventReader reader;
    private final ReportFactsProjection projection;
    private final FactsEventCounters counters;
    private final EventBatch<Polled, ProjectionResult> events;

    public FactsConsumer(FactsEventReader reader, ReportFactsProjection projection, FactsEventCounters counters,
                         @ConfigProperty(name = "counterpart.facts.apply-attempts", defaultValue = "5") int attempts,
                         @ConfigProperty(name = "counterpart.facts.first-retry-pause", defaultValue = "0.5s") Duration firstPause,
                         @ConfigProperty(name = "counterpart.facts.longest-retry-pause", defaultValue = "30s")
                         Duration longestPause) {
        this.reader = reader;
        this.projection = projection;
        this.counters = counters;
        this.events = new EventBatch<>(new Steps(), PatientRetries.sleeping(attempts, firstPause, longestPause),
                PatientRetries.sleeping(1, firstPause, longestPause));
    }

    /**
     * Blocking and ordered (the default), so the polls of one partition, and so the events of one report, are
     * applied one after another; a poll's events in one transaction ({@link EventBatch}), the unusable ones
     * dead-lettered, then the poll acknowledged. The counters count only what has committed.
     */
    @Incoming("facts")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        EventBatch.Outcome outcome = events.apply(PolledRecords.of(batch));
        return PolledRecords.settle(batch, outcome.deadLetters());
    }

    private final class Steps implements EventBatch.Steps<Polled, ProjectionResult> {
        @Override
        public Polled read(ConsumerRecord<String, String> record) {
            try {
                return new Polled(record, reader.read(record.key(), record.value()));
            } catch (MalformedEventException e) {
                counters.malformed();
                LOG.warnf("Dead-lettering facts message %s-%d@%d: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                throw e;
            }
        }

        @Override
        public List<ProjectionResult> applyAll(List<Polled> events) {
            return projection.applyAll(events.stream().map(Polled::event).toList());
        }

        @Override
        public ProjectionResult applyOne(Polled polled) {
            return projection.apply(polled.event());
        }

        @Override
        public UnusableEvent refusal(Polled polled, ProjectionResult result) {
            if (!result.isRejected()) {
                return null;
            }
            // Refused for what it says, which no retry changes: dead-lettered at once, like a malformed message.
            ConsumerRecord<String, String> record = polled.record();
            LOG.warnf("Dead-lettering facts message %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), result.detail());
            return new MalformedEventException(result.reason(), result.detail());
        }

        @Override
        public void settled(Polled polled, ProjectionResult result) {
            counters.handled(result.outcome());
            FactsEvent event = polled.event();
            LOG.debugf("Facts event %s (report %s, revision %d): %s",
                    event.eventId(), event.reportId(), event.revision(), result.outcome().tag());
        }

        @Override
        public void failed(Polled polled, RuntimeException failure) {
            counters.failed();
            FactsEvent event = polled.event();
            // No stack trace here: the messaging layer logs it when it dead-letters the message.
            LOG.errorf("Could not apply facts event %s (report %s, revision %d), dead-lettering it: %s",
                    event.eventId(), event.reportId(), event.revision(), failure);
        }

        @Override
        public String describe(Polled polled) {
            return "facts event " + polled.event().eventId();
        }
    }

    /** An event with the record it came in, for the log lines that name the record. */
    private record Polled(ConsumerRecord<String, String> record, FactsEvent event) {
    }
}
