package org.counterpart.edge.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.counterpart.edge.OutboxSettings;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in order and marks each one sent as soon as the broker acknowledged it, whatever happens
 * to the others of its batch: an acknowledged event is never sent again. A failure no retry can mend (an event too
 * large, one the broker refuses for good) parks that one event with its reason and the relay goes on with the
 * rest. A passing failure (broker away) leaves the event and those after it pending; the relay retries with a
 * growing pause. A crash between send and mark re-sends the unmarked events, which consumers absorb by event id
 * (at-least-once delivery, exactly-once effect).
 */
@IfBuildProperty(name = "counterpart.outbox.publishes", stringValue = "true")
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** What one cycle did; {@code transientFailure} set when the broker could not take every event. */
    record Cycle(int sent, int parked, Throwable transientFailure) {
        int handled() {
            return sent + parked;
        }
    }

    private final OutboxPublisher publisher;
    private final OutboxSettings settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Counter published;
    private final Counter parked;
    private final AtomicLong lastFailureLog = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxPublisher publisher, OutboxSettings settings, MeterRegistry registry) {
        this.publisher = publisher;
        this.settings = settings;
        this.published = Counter.builder("counterpart.outbox.published")
                .description("Events acknowledged by Kafka and marked sent").register(registry);
        this.parked = Counter.builder("counterpart.outbox.parkings")
                .description("Events parked because no retry could publish them").register(registry);
        registry.gauge("counterpart.outbox.pending", this, relay -> quietly(OutboxEvent::pending));
        registry.gauge("counterpart.outbox.parked", this, relay -> quietly(OutboxEvent::parkedCount));
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
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
            worker.join(settings.brokerTimeout().toMillis() + 2000);
        }
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEvent.Written written) {
        wakeUp.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                Cycle cycle = QuarkusTransaction.requiringNew().call(this::publishBatch);
                if (cycle.transientFailure() != null) {
                    logFailure(cycle.transientFailure());
                    sleep(backoff);
                    backoff = longer(backoff);
                    continue;
                }
                backoff = Duration.ofMillis(100);
                if (cycle.handled() < settings.batchSize()) {
                    wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database itself is away: nothing was marked, nothing lost.
                logFailure(e);
                sleep(backoff);
                backoff = longer(backoff);
            }
        }
    }

    /**
     * Sends one batch and waits for the acknowledgements, settling each event on its own: acknowledged ones are
     * marked sent, permanently refused ones parked; the first passing failure ends the cycle (the events after it
     * that were acknowledged anyway are still marked).
     */
    Cycle publishBatch() throws InterruptedException {
        List<OutboxEvent> batch = OutboxEvent.nextBatch(settings.batchSize());
        if (batch.isEmpty()) {
            return new Cycle(0, 0, null);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(sendQuietly(event));
        }
        long deadline = System.nanoTime() + settings.brokerTimeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        Instant now = Instant.now();
        List<Long> sent = new ArrayList<>(batch.size());
        int parkedNow = 0;
        Throwable transientFailure = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(event.seq);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (PublishFailures.isPermanent(cause)) {
                    park(event, cause);
                    parkedNow++;
                } else if (transientFailure == null) {
                    transientFailure = cause;
                }
            } catch (TimeoutException e) {
                if (transientFailure == null) {
                    transientFailure = e;
                }
            }
        }
        if (!sent.isEmpty()) {
            // One statement for the batch rather than an update per event.
            OutboxEvent.update("publishedAt = ?1 where seq in ?2", now, sent);
        }
        published.increment(sent.size());
        parked.increment(parkedNow);
        return new Cycle(sent.size(), parkedNow, transientFailure);
    }

    private Future<RecordMetadata> sendQuietly(OutboxEvent event) {
        try {
            long bytes = Outbox.utf8Length(event.payload);
            if (bytes > settings.maxEventBytes()) {
                // Written before the limit was lowered, or by hand: sending it would only be refused.
                throw new EventTooLargeException(event.type, bytes, settings.maxEventBytes());
            }
            return publisher.send(event);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void park(OutboxEvent event, Throwable cause) {
        event.parkedAt = Instant.now();
        event.parkReason = PublishFailures.describe(cause);
        LOG.errorf("Parked outbox event %s (%s, key %s, %d bytes): %s. The events behind it go on; "
                        + "see GET /admin/outbox/parked.", event.eventId, event.type, event.key,
                Outbox.utf8Length(event.payload), event.parkReason);
    }

    private void logFailure(Throwable e) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog.get() > 30_000) {
            lastFailureLog.set(now);
            LOG.warnf("Outbox events not published yet, will retry: %s", PublishFailures.describe(e));
        }
    }

    private static Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private void sleep(Duration pause) {
        try {
            wakeUp.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double quietly(java.util.function.LongSupplier count) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> (double) count.getAsLong());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
