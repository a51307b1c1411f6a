package org.counterpart.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Recorder;

/**
 * Posts generated reports to the ingest API, either at a fixed rate (open loop: latency counted from the intended
 * send time, so a stalled server cannot hide its queueing) or as fast as they are accepted (closed loop), the latter
 * for a while or for a number of reports.
 */
final class LoadGenerator {

    /** acceptedAtMillis: wall-clock time of the 202, comparable with the services' timestamps on this machine. */
    record Accepted(String reportId, long acceptedAtMillis, int factSentences) {
    }

    record Result(List<Accepted> accepted, int refused, Recorder latencies, Duration elapsed) {
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final URI reports;
    private final Consumer<HttpRequest.Builder> authorize;
    private final ReportGenerator generator;

    LoadGenerator(String ingestUrl, Consumer<HttpRequest.Builder> authorize, long seed) {
        this.reports = URI.create(ingestUrl + "/reports");
        this.authorize = authorize;
        this.generator = new ReportGenerator(seed);
    }

    Result fixedRate(int perSecond, Duration duration) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long total = duration.toSeconds() * perSecond;
        AtomicInteger sent = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            long intended = start + n * intervalNanos;
            inFlight.add(post(generator.next(), intended, latencies, accepted, refused));
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(duration.toMillis());
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Result(List.copyOf(accepted), refused.get(), latencies,
                Duration.ofNanos(System.nanoTime() - start));
    }

    Result asFastAsAccepted(int concurrency, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        return closedLoop(concurrency, () -> System.nanoTime() < end);
    }

    /**
     * Posts exactly {@code count} reports (accepted or refused) from {@code concurrency} posters, each sending its
     * next report as soon as the previous one is answered: a backfill as fast as the pipeline takes it.
     */
    Result asFastAsAccepted(int concurrency, int count) throws InterruptedException {
        AtomicInteger claimed = new AtomicInteger();
        return closedLoop(concurrency, () -> claimed.getAndIncrement() < count);
    }

    private Result closedLoop(int concurrency, BooleanSupplier another) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        Thread[] workers = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Thread(() -> {
                while (another.getAsBoolean()) {
                    post(nextReport(), System.nanoTime(), latencies, accepted, refused).join();
                }
            }, "load-" + i);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(List.copyOf(accepted), refused.get(), latencies,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private synchronized ReportGenerator.Report nextReport() {
        return generator.next();
    }

    private CompletableFuture<Void> post(ReportGenerator.Report report, long intendedNanos, Recorder latencies,
                                         Queue<Accepted> accepted, AtomicInteger refused) {
        String body;
        try {
            body = JSON.createObjectNode().put("text", report.text()).put("language", report.language())
                    .put("publishedAt", report.publishedAt()).toString();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(reports).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorize.accept(request);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    long now = System.nanoTime();
                    latencies.recordValue(Math.max(0, now - intendedNanos) / 1000);
                    if (error == null && response.statusCode() == 202) {
                        Matcher id = ID.matcher(response.body());
                        if (id.find()) {
                            accepted.add(new Accepted(id.group(1), System.currentTimeMillis(), report.factSentences()));
                            return null;
                        }
                    }
                    refused.incrementAndGet();
                    return null;
                });
    }
}
