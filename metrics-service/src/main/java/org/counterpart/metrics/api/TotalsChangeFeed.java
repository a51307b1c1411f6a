package org.counterpart.metrics.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.counterpart.metrics.projection.CurrentTotals;
import org.counterpart.metrics.projection.TotalsRefreshed;
import org.counterpart.metrics.totals.ClaimScope;
import org.counterpart.metrics.totals.StoredTotal;
import org.jboss.logging.Logger;

/**
 * Tells live subscribers (the dashboard) which totals changed: only the rows of the trees a refresh of the stored
 * totals replaced. Heard only after the refresh committed, so a rolled-back change is never announced. Rows are read
 * once per batch of refreshes on one background thread, not per subscriber; refreshes arriving meanwhile are merged
 * into the next message. Only refreshes run by this instance are announced: with several instances, each dashboard
 * hears of the refreshes its own instance ran.
 */
@ApplicationScoped
public class TotalsChangeFeed {

    private static final Logger LOG = Logger.getLogger(TotalsChangeFeed.class);

    private final CurrentTotals totals;
    private final BroadcastProcessor<TotalsChange> broadcast = BroadcastProcessor.create();
    private final ConcurrentLinkedQueue<TotalsRefreshed> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "totals-change-feed");
        thread.setDaemon(true);
        return thread;
    });

    public TotalsChangeFeed(CurrentTotals totals) {
        this.totals = totals;
    }

    public Multi<TotalsChange> stream() {
        return broadcast
                .onSubscription().invoke(() -> subscribers.incrementAndGet())
                .onTermination().invoke(() -> subscribers.decrementAndGet());
    }

    void onRefreshed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TotalsRefreshed refreshed) {
        if (subscribers.get() == 0) {
            return;
        }
        pending.add(refreshed);
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(this::announce);
        }
    }

    /** After a rebuild every total may have changed: announce them all. */
    public void rebuilt() {
        if (subscribers.get() > 0) {
            worker.execute(() -> publish("rebuild", List.of(), null));
        }
    }

    private void announce() {
        scheduled.set(false);
        List<TotalsRefreshed> batch = new ArrayList<>();
        for (TotalsRefreshed refreshed; (refreshed = pending.poll()) != null; ) {
            batch.add(refreshed);
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<String> pairs = batch.stream().flatMap(r -> r.pairs().stream()).collect(Collectors.toSet());
        publish("facts", batch.stream().flatMap(r -> r.reportIds().stream()).distinct().toList(), pairs);
    }

    /** @param pairs identities of the pairs whose stored totals were replaced (whole trees); null for all */
    private void publish(String cause, List<String> reportIds, Set<String> pairs) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            // Only the replaced trees' rows are read: after each refresh, whatever the size of the record.
            List<TotalRow> changed = totals.totalsOfPairs(ClaimScope.DEFAULT, pairs).stream()
                    .sorted(TotalsQuery.STORED_ORDER)
                    .map(TotalRow::of)
                    .toList();
            broadcast.onNext(new TotalsChange(cause, reportIds, changed));
        } catch (RuntimeException e) {
            LOG.warnf("Could not announce changed totals: %s", e);
        } finally {
            requestContext.terminate();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        broadcast.onComplete();
    }
}
