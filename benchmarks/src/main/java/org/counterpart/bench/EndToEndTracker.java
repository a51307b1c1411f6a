package org.counterpart.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

/**
 * Follows accepted reports until metrics-service reflects them (GET /projection/reports/{id}), and records the time
 * from acceptance to the moment the service says it did, so how often or how late this tracker polls does not change
 * the figure. Which moment depends on what the service answers:
 * <ul>
 *   <li>{@code totalsAt} when the answer has that field: the moment the stored totals reflect the report. While it
 *       is null the report counts as not yet reflected and is polled again;</li>
 *   <li>{@code appliedAt} when the answer has no {@code totalsAt} field (builds before stored totals): the moment the
 *       report's facts were applied to the projection that /totals is computed from.</li>
 * </ul>
 * {@link Outcome#measuredTo()} says which of the two the figures are.
 */
final class EndToEndTracker {

    /**
     * @param lastAppliedMillis the latest {@code totalsAt} or {@code appliedAt} of the reflected reports
     * @param byTotalsAt        how many of the reflected reports were timed to {@code totalsAt}
     */
    record Outcome(Histogram latencies, int reflected, int missing, long facts, long firstAcceptedMillis,
                   long lastAppliedMillis, int byTotalsAt) {

        /** "totalsAt", "appliedAt", "mixed" (some answers had the field, some not) or "none" (nothing reflected). */
        String measuredTo() {
            if (reflected == 0) {
                return "none";
            }
            return byTotalsAt == reflected ? "totalsAt" : byTotalsAt == 0 ? "appliedAt" : "mixed";
        }

        /** Reports through the whole pipeline per second, from the first acceptance to the last application. */
        double throughputPerSecond() {
            double seconds = (lastAppliedMillis - firstAcceptedMillis) / 1e3;
            return seconds <= 0 ? 0 : reflected / seconds;
        }

        double factsPerSecond() {
            double seconds = (lastAppliedMillis - firstAcceptedMillis) / 1e3;
            return seconds <= 0 ? 0 : facts / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    private final String metricsUrl;
    private final Histogram latencies = new Histogram(3);
    private final ConcurrentHashMap<String, LoadGenerator.Accepted> pending = new ConcurrentHashMap<>();
    private final AtomicLong facts = new AtomicLong();
    private volatile long firstAccepted = Long.MAX_VALUE;
    private volatile long lastApplied = 0;
    private int reflected;
    private int byTotalsAt;

    EndToEndTracker(String metricsUrl) {
        this.metricsUrl = metricsUrl;
    }

    void follow(List<LoadGenerator.Accepted> accepted) {
        for (LoadGenerator.Accepted report : accepted) {
            pending.put(report.reportId(), report);
            firstAccepted = Math.min(firstAccepted, report.acceptedAtMillis());
        }
    }

    /** Polls until every followed report is reflected or the patience runs out. */
    Outcome await(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            List<CompletableFuture<Void>> polls = new ArrayList<>();
            for (LoadGenerator.Accepted report : List.copyOf(pending.values())) {
                if (polls.size() >= 200) {
                    break;
                }
                polls.add(poll(report));
            }
            CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
            Thread.sleep(20);
        }
        synchronized (this) {
            return new Outcome(latencies.copy(), reflected, pending.size(), facts.get(), firstAccepted, lastApplied,
                    byTotalsAt);
        }
    }

    private CompletableFuture<Void> poll(LoadGenerator.Accepted report) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(metricsUrl + "/projection/reports/"
                + report.reportId())).timeout(Duration.ofSeconds(10)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null || response.statusCode() != 200) {
                return null;
            }
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (Exception e) {
                throw new IllegalStateException("unreadable projection answer: " + response.body(), e);
            }
            boolean hasTotalsAt = body.has("totalsAt");
            JsonNode reflectedAt = hasTotalsAt ? body.get("totalsAt") : body.path("appliedAt");
            if (reflectedAt.isNull() || reflectedAt.isMissingNode()) {
                return null; // applied, but the stored totals do not reflect it yet: ask again
            }
            if (pending.remove(report.reportId()) == null) {
                return null;
            }
            long applied = Instant.parse(reflectedAt.asText()).toEpochMilli();
            synchronized (this) {
                latencies.recordValue(Math.max(0, applied - report.acceptedAtMillis()) * 1000);
                reflected++;
                byTotalsAt += hasTotalsAt ? 1 : 0;
                lastApplied = Math.max(lastApplied, applied);
            }
            facts.addAndGet(body.path("factCount").asLong());
            return null;
        });
    }
}
