package org.counterpart.metrics.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.counterpart.metrics.api.RecentChanges.Announcement;
import org.counterpart.metrics.api.RecentChanges.Replay;
import org.counterpart.metrics.api.RecentChanges.Reset;
import org.counterpart.metrics.projection.CurrentTotals;
import org.counterpart.metrics.projection.TotalsRefreshed;
import org.counterpart.metrics.totals.ClaimScope;
import org.jboss.logging.Logger;

/**
 * Tells live subscribers (the dashboard) which totals changed: only the rows of the trees a refresh of the stored
 * totals replaced. Heard only after the refresh committed, so a rolled-back change is never announced. Rows are read
 * once per batch of refreshes on one background thread, not per subscriber; refreshes arriving meanwhile are merged
 * into the next message. Only refreshes run by this instance are announced: with several instances, each dashboard
 * hears of the refreshes its own instance ran (and one that reconnects to another instance is told to reset).
 * <p>
 * Every announcement has an SSE event name and an id; the recent ones are kept ({@link RecentChanges}) so that a
 * client reconnecting with Last-Event-ID is sent what it missed, or {@code reset} when that cannot be told. A
 * {@code heartbeat} event (no id) goes to every open stream at a fixed pace.
 */
@ApplicationScoped
public class TotalsChangeFeed {

    /** Totals of some pairs changed because facts did; data: {@link TotalsChange}. */
    static final String CHANGED = "totals-changed";
    /** Everything may have changed (POST /admin/rebuild); data: {@link TotalsChange} with every total. */
    static final String REBUILD = "rebuild";
    /** What the client missed cannot be told: reload everything; data: {@link ResetNote}. */
    static final String RESET = "reset";
    /** First event of a stream opened without Last-Event-ID: its id is where a reconnect resumes. */
    static final String READY = "ready";
    static final String HEARTBEAT = "heartbeat";

    /** Data of a {@code reset} event: why (unknown-id, expired, or not-announced after a failure here). */
    public record ResetNote(String reason) {
    }

    /** Data of a {@code ready} event. */
    public record ReadyNote(String newestId) {
    }

    /** Data of a {@code heartbeat} event. */
    public record HeartbeatNote(String at) {
    }

    private static final Logger LOG = Logger.getLogger(TotalsChangeFeed.class);

    private final CurrentTotals totals;
    private final LiveStreamSettings settings;
    private final RecentChanges<TotalsChange> recent;
    /** Guards {@link #listeners} and makes "record, then hand to every listener" one step for a subscriber. */
    private final Object lock = new Object();
    private final Set<UnicastProcessor<Announcement<?>>> listeners = new HashSet<>();
    private volatile long lastLeftNanos = Long.MIN_VALUE;
    private final ConcurrentLinkedQueue<TotalsRefreshed> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "totals-change-feed");
        thread.setDaemon(true);
        return thread;
    });

    public TotalsChangeFeed(CurrentTotals totals, LiveStreamSettings settings) {
        this.totals = totals;
        this.settings = settings;
        // A new run each start: ids of an earlier run (or of another instance) are never mistaken for ours.
        this.recent = new RecentChanges<>(Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36),
                settings.replaySize());
    }

    @PostConstruct
    void startHeartbeat() {
        long every = settings.heartbeat().toMillis();
        worker.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The stream of one client.
     *
     * @param lastEventId the id of the last event the client saw (Last-Event-ID), or null for a new client
     */
    public Multi<OutboundSseEvent> stream(String lastEventId, Sse sse) {
        return Multi.createFrom().deferred(() -> {
            // Room for a whole replay plus a burst; a client that falls further behind is cut off and catches up
            // by reconnecting, instead of this service holding an ever longer queue for it.
            UnicastProcessor<Announcement<?>> listener = UnicastProcessor.create(
                    new ArrayBlockingQueue<>(settings.replaySize() + 64), () -> { });
            synchronized (lock) {
                if (lastEventId == null || lastEventId.isBlank()) {
                    String newest = recent.newestId();
                    listener.onNext(new Announcement<>(newest, READY, new ReadyNote(newest)));
                } else {
                    RecentChanges.Missed<TotalsChange> missed = recent.after(lastEventId.strip());
                    if (missed instanceof Replay<TotalsChange> replay) {
                        replay.announcements().forEach(listener::onNext);
                    } else if (missed instanceof Reset<TotalsChange> reset) {
                        listener.onNext(new Announcement<>(reset.newestId(), RESET, new ResetNote(reset.reason())));
                    }
                }
                listeners.add(listener);
            }
            return listener.onTermination().invoke(() -> left(listener)).map(announcement -> event(sse, announcement));
        });
    }

    private static OutboundSseEvent event(Sse sse, Announcement<?> announcement) {
        OutboundSseEvent.Builder event = sse.newEventBuilder()
                .name(announcement.name())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(announcement.data());
        if (announcement.id() != null) {
            event.id(announcement.id());
        }
        return event.build();
    }

    private void left(UnicastProcessor<Announcement<?>> listener) {
        synchronized (lock) {
            listeners.remove(listener);
            if (listeners.isEmpty()) {
                lastLeftNanos = System.nanoTime();
            }
        }
    }

    /** Whether changes are worth reading: someone listens, or left so recently that they may come back for them. */
    private boolean listened() {
        synchronized (lock) {
            return !listeners.isEmpty()
                    || System.nanoTime() - lastLeftNanos < settings.keepAfterLastClient().toNanos();
        }
    }

    void onRefreshed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TotalsRefreshed refreshed) {
        if (!listened()) {
            recent.skip();
            return;
        }
        pending.add(refreshed);
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(this::announce);
        }
    }

    /** After a rebuild every total may have changed: announce them all. */
    public void rebuilt() {
        if (listened()) {
            worker.execute(() -> publish(REBUILD, List.of(), null));
        } else {
            recent.skip();
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
        publish(CHANGED, batch.stream().flatMap(r -> r.reportIds().stream()).distinct().toList(), pairs);
    }

    /** @param pairs identities of the pairs whose stored totals were replaced (whole trees); null for all */
    private void publish(String name, List<String> reportIds, Set<String> pairs) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            // Only the replaced trees' rows are read: after each refresh, whatever the size of the record.
            List<TotalRow> changed = totals.totalsOfPairs(ClaimScope.DEFAULT, pairs).stream()
                    .sorted(TotalsQuery.STORED_ORDER)
                    .map(TotalRow::of)
                    .toList();
            TotalsChange change = new TotalsChange(REBUILD.equals(name) ? "rebuild" : "facts", reportIds, changed);
            synchronized (lock) {
                // A rebuild's message holds every total: not kept for replay; a client that missed it resets.
                Announcement<TotalsChange> announcement = REBUILD.equals(name)
                        ? recent.addUnreplayable(name, change)
                        : recent.add(name, change);
                everyListener(listener -> listener.onNext(announcement));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not announce changed totals: %s", e);
            synchronized (lock) {
                // The change went unannounced: open streams and later reconnects must reload everything.
                recent.skip();
                Announcement<ResetNote> reset = new Announcement<>(recent.newestId(), RESET, new ResetNote("not-announced"));
                everyListener(listener -> listener.onNext(reset));
            }
        } finally {
            requestContext.terminate();
        }
    }

    private void beat() {
        Announcement<HeartbeatNote> heartbeat = new Announcement<>(null, HEARTBEAT, new HeartbeatNote(Instant.now().toString()));
        synchronized (lock) {
            everyListener(listener -> listener.onNext(heartbeat));
        }
    }

    /** Hands something to each listener; one that overflows leaves meanwhile, so not over the live set. */
    private void everyListener(java.util.function.Consumer<UnicastProcessor<Announcement<?>>> action) {
        List.copyOf(listeners).forEach(action);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        synchronized (lock) {
            List.copyOf(listeners).forEach(UnicastProcessor::onComplete);
            listeners.clear();
        }
    }
}
