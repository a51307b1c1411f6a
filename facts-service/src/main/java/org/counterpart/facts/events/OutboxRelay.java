package org.counterpart.facts.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in order and marks them sent only after the broker acknowledged them. While Kafka is away
 * the rows wait, and the relay retries with a growing pause; a crash between send and mark re-sends the batch,
 * which consumers absorb by the event id (at-least-once delivery, exactly-once effect).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KafkaPublisher publisher;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration brokerTimeout;
    private final boolean enabled;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Counter published;
    private final AtomicLong lastFailureLog = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(KafkaPublisher publisher, MeterRegistry registry,
                       @ConfigProperty(name = "counterpart.outbox.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "counterpart.outbox.poll-interval", defaultValue = "1s")
                       Duration pollInterval,
                       @ConfigProperty(name = "counterpart.outbox.broker-timeout", defaultValue = "10s")
                       Duration brokerTimeout,
                       @ConfigProperty(name = "counterpart.outbox.enabled", defaultValue = "true") boolean enabled) {
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.brokerTimeout = brokerTimeout;
        this.enabled = enabled;
        this.published = Counter.builder("counterpart.outbox.published")
                .description("Events acknowledged by Kafka and marked sent").register(registry);
        registry.gauge("counterpart.outbox.pending", this, OutboxRelay::pendingQuietly);
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(brokerTimeout.toMillis() + 2000);
        }
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEvent.Written written) {
        wakeUp.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                int sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
                backoff = Duration.ofMillis(100);
                if (sent < batchSize) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                logFailure(e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Sends one batch and waits for every acknowledgement; any failure rolls the whole batch back to pending. */
    int publishBatch() throws Exception {
        List<OutboxEvent> batch = OutboxEvent.nextBatch(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(publisher.send(event));
        }
        long deadline = System.nanoTime() + brokerTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        Instant now = Instant.now();
        batch.forEach(event -> event.publishedAt = now);
        published.increment(batch.size());
        return batch.size();
    }

    private void logFailure(Exception e) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog.get() > 30_000) {
            lastFailureLog.set(now);
            LOG.warnf("Outbox events not published yet, will retry: %s", rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void sleep(Duration pause) {
        try {
            wakeUp.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double pendingQuietly() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> (double) OutboxEvent.count("publishedAt is null"));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
