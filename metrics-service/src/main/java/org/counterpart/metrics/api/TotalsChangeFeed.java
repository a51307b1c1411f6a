package org.counterpart.metrics.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
import org.counterpart.metrics.projection.FactsApplied;
import org.counterpart.metrics.totals.ClaimScope;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.Total;
import org.jboss.logging.Logger;

/**
 * Tells live subscribers (the dashboard) which totals changed. Heard only after the projection's transaction
 * committed, so a rolled-back change is never announced. Totals are computed once per batch of changes on one
 * background thread, not per subscriber and not on the consumer's thread; changes arriving meanwhile are
 * merged into the next message. Only changes applied by this instance are announced: with several instances,
 * each dashboard hears of the events its own instance consumed.
 */
@ApplicationScoped
public class TotalsChangeFeed {

    private static final Logger LOG = Logger.getLogger(TotalsChangeFeed.class);

    private final CurrentTotals totals;
    private final BroadcastProcessor<TotalsChange> broadcast = BroadcastProcessor.create();
    private final ConcurrentLinkedQueue<FactsApplied> pending = new ConcurrentLinkedQueue<>();
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

    void onApplied(@Observes(during = TransactionPhase.AFTER_SUCCESS) FactsApplied applied) {
        if (subscribers.get() == 0) {
            return;
        }
        pending.add(applied);
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
        List<FactsApplied> batch = new ArrayList<>();
        for (FactsApplied applied; (applied = pending.poll()) != null; ) {
            batch.add(applied);
        }
        if (batch.isEmpty()) {
            return;
        }
        Set<String> pairs = batch.stream().flatMap(a -> a.pairs().stream()).map(Pair::identity).collect(Collectors.toSet());
        publish("facts", batch.stream().map(FactsApplied::reportId).distinct().toList(), pairs);
    }

    /** @param pairs identities of the pairs whose totals (and ancestors') changed; null for all */
    private void publish(String cause, List<String> reportIds, Set<String> pairs) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            List<Total> all = totals.totals(ClaimScope.DEFAULT);
            List<TotalRow> changed = all.stream()
                    .filter(total -> pairs == null || affected(total, pairs, all))
                    .sorted(TotalsQuery.ORDER)
                    .map(TotalRow::of)
                    .toList();
            broadcast.onNext(new TotalsChange(cause, reportIds, changed));
        } catch (RuntimeException e) {
            LOG.warnf("Could not announce changed totals: %s", e);
        } finally {
            requestContext.terminate();
        }
    }

    /** The total of a changed pair, or of a pair a changed pair rolls up into. */
    private static boolean affected(Total total, Set<String> changedPairs, List<Total> all) {
        Set<String> withAncestors = new HashSet<>(changedPairs);
        Map<String, Total> byPair = all.stream().filter(t -> t.metric().equals(total.metric()) && t.unit().equals(total.unit()))
                .collect(Collectors.toMap(t -> t.pair().identity(), Function.identity(), (a, b) -> a));
        for (String pair : new LinkedHashSet<>(changedPairs)) {
            Total t = byPair.get(pair);
            for (Pair parent = t == null ? null : t.parent(); parent != null; ) {
                withAncestors.add(parent.identity());
                Total parentTotal = byPair.get(parent.identity());
                parent = parentTotal == null ? null : parentTotal.parent();
            }
        }
        return withAncestors.contains(total.pair().identity());
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        broadcast.onComplete();
    }
}
