package org.counterpart.edge;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactional outbox and its relay to Kafka. */
@ConfigMapping(prefix = "counterpart.outbox")
public interface OutboxSettings {
    /**
     * Whether this service publishes through an outbox at all (read at build time: without it, none of the outbox
     * beans or its admin endpoint exist, as in metrics-service, which has no outbox table).
     */
    @WithDefault("false")
    boolean publishes();

    /** Whether the relay runs; tests that only look at the rows turn it off. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("200")
    int batchSize();

    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("10s")
    Duration brokerTimeout();

    /**
     * The largest event (serialised, before compression) the outbox takes. Producer and topic limits are set
     * from it, so an event the outbox accepted is never refused by Kafka for its size.
     */
    @WithDefault("3145728")
    int maxEventBytes();

    /** Kafka compression for published events; reports are text and shrink several times. */
    @WithDefault("zstd")
    String compression();

    /** The CloudEvents source attribute, e.g. /ingest-service. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /** Published rows older than this are deleted; parked rows stay until an operator acts. */
    @WithDefault("7d")
    Duration keepPublished();

    /** Per topic this service publishes to. */
    Map<String, Topic> topics();

    interface Topic {
        /** CloudEvents type = prefix + the event's own type, e.g. org.counterpart.reports.ReportSubmitted. */
        String typePrefix();

        /** The path this service serves the event's JSON Schema at; published as an absolute URI (PublicSettings). */
        String dataSchema();

        @WithDefault("3")
        int partitions();

        @WithDefault("delete")
        String cleanupPolicy();

        /** How often a segment rolls: compaction only ever cleans rolled segments. */
        Optional<Duration> segment();
    }
}
