package org.counterpart.metrics.inbound;

import java.time.Duration;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.counterpart.edge.inbound.PatientRetries;
import org.counterpart.metrics.message.FactsEvent;
import org.counterpart.metrics.projection.ProjectionResult;
import org.counterpart.metrics.projection.ReportFactsProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies the events of topic {@code facts} to the current facts. A message that can never be applied (malformed,
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
    private final PatientRetries retries;

    public FactsConsumer(FactsEventReader reader, ReportFactsProjection projection, FactsEventCounters counters,
                         @ConfigProperty(name = "counterpart.facts.apply-attempts", defaultValue = "5") int attempts,
                         @ConfigProperty(name = "counterpart.facts.first-retry-pause", defaultValue = "0.5s") Duration firstPause,
                         @ConfigProperty(name = "counterpart.facts.longest-retry-pause", defaultValue = "30s")
                         Duration longestPause) {
        this.reader = reader;
        this.projection = projection;
        this.counters = counters;
        this.retries = PatientRetries.sleeping(attempts, firstPause, longestPause);
    }

    /**
     * Blocking and ordered (the default), so the events of one partition, and so of one report, are applied one
     * after another. The transaction lives in {@link ReportFactsProjection#apply}, so the counters below only
     * count what has committed.
     */
    @Incoming("facts")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        FactsEvent event;
        try {
            event = reader.read(record.key(), record.value());
        } catch (MalformedEventException e) {
            counters.malformed();
            LOG.warnf("Dead-lettering facts message %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
        ProjectionResult result;
        try {
            // Each attempt is its own transaction: a failed one has rolled back completely.
            result = retries.call("Applying facts event " + event.eventId(), () -> projection.apply(event));
        } catch (RuntimeException e) {
            counters.failed();
            // No stack trace here: the messaging layer logs it when it dead-letters the message.
            LOG.errorf("Could not apply facts event %s (report %s, revision %d), dead-lettering it: %s",
                    event.eventId(), event.reportId(), event.revision(), e);
            throw e;
        }
        counters.handled(result.outcome());
        if (result.isRejected()) {
            // Refused for what it says, which no retry changes: dead-lettered at once, like a malformed message.
            LOG.warnf("Dead-lettering facts message %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), result.detail());
            throw new MalformedEventException(result.reason(), result.detail());
        }
        LOG.debugf("Facts event %s (report %s, revision %d): %s",
                event.eventId(), event.reportId(), event.revision(), result.outcome().tag());
    }
}
