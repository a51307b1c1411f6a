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
 * Follows accepted reports until metrics-service has applied their facts to the projection that /totals is
 * computed from (GET /projection/reports/{id}), and records the time from acceptance to the moment the service
 * says it applied them ({@code appliedAt}): how often or how late this tracker polls does not change the figure.
 */
final class EndToEndTracker {

    record Outcome(Histogram latencies, int reflected, int missing, long facts, long firstAcceptedMillis,
                   long lastAppliedMillis) {

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
        return new Outcome(latencies.copy(), reflected, pending.size(), facts.get(), firstAccepted, lastApplied);
    }

    private CompletableFuture<Void> poll(LoadGenerator.Accepted report) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(metricsUrl + "/projection/reports/"
                + report.reportId())).timeout(Duration.ofSeconds(10)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error == null && response.statusCode() == 200 && pending.remove(report.reportId()) != null) {
                try {
                    JsonNode body = JSON.readTree(response.body());
                    long applied = Instant.parse(body.path("appliedAt").asText()).toEpochMilli();
                    synchronized (this) {
                        latencies.recordValue(Math.max(0, applied - report.acceptedAtMillis()) * 1000);
                        reflected++;
                        lastApplied = Math.max(lastApplied, applied);
                    }
                    facts.addAndGet(body.path("factCount").asLong());
                } catch (Exception e) {
                    throw new IllegalStateException("unreadable projection answer: " + response.body(), e);
                }
            }
            return null;
        });
    }
}
