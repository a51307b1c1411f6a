package org.counterpart.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

/**
 * The scale phase: a backfill of many generated reports as fast as the pipeline takes them, the time until
 * metrics-service has drained it (applied every accepted report, and its stored totals reflect them), then the read
 * latencies and database sizes with all of it in place.
 */
final class ScalePhase {

    /** What GET /projection said: reports applied, and changes not yet reflected in the stored totals. */
    record Projection(long reportCount, long pendingTotals) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int SAMPLE = 500;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String metricsUrl;
    private final Consumer<HttpRequest.Builder> authorize;

    ScalePhase(String metricsUrl, Consumer<HttpRequest.Builder> authorize) {
        this.metricsUrl = metricsUrl;
        this.authorize = authorize;
    }

    /**
     * Posts {@code reports} reports from {@code concurrency} posters, then waits (at most {@code patience} from the
     * first post) until metrics-service has drained them. With GET /projection: until its reportCount has grown by
     * the reports accepted and pendingTotals is 0, polled every 200 ms. Without it (404, older builds): until a
     * random sample of 500 accepted reports is reflected ({@link EndToEndTracker}), the drain time being the latest
     * of their service-side timestamps, an estimate.
     */
    Map<String, Object> backfill(LoadGenerator load, int reports, int concurrency, Duration patience,
                                 long acceptedBefore) throws Exception {
        Projection before;
        String unusable = null;
        try {
            before = projection();
        } catch (IOException | RuntimeException e) {
            before = null;
            unusable = e.toString();
        }
        long startMillis = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        LoadGenerator.Result posted = load.asFastAsAccepted(concurrency, reports);
        int accepted = posted.accepted().size();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reports", reports);
        result.put("concurrency", concurrency);
        result.put("posted", accepted + posted.refused());
        result.put("accepted", accepted);
        result.put("refused", posted.refused());
        result.put("secondsToPost", seconds(posted.elapsed().toNanos()));
        result.put("acceptedPerSecond", accepted / seconds(posted.elapsed().toNanos()));
        result.put("ingestLatencyMillis", PipelineBenchmark.percentiles(posted.latencies().getIntervalHistogram()));

        Map<String, Object> detection = new LinkedHashMap<>();
        Double secondsUntilDrained;
        if (before != null) {
            detection.put("method", "GET /projection: reportCount grown by the reports accepted, pendingTotals 0");
            detection.put("acceptedEarlierInRun", acceptedBefore);
            detection.put("reportCountBefore", before.reportCount());
            long target = before.reportCount() + accepted;
            detection.put("reportCountTarget", target);
            secondsUntilDrained = awaitDrained(target, startNanos, patience, detection);
        } else {
            detection.put("method", (unusable == null ? "GET /projection absent (404)" : "GET /projection unusable")
                    + ": a sample of the accepted reports followed through GET /projection/reports/{id}; drain time "
                    + "is the sample's latest, an estimate");
            if (unusable != null) {
                detection.put("projectionFailure", unusable);
            }
            List<LoadGenerator.Accepted> sample = new ArrayList<>(posted.accepted());
            Collections.shuffle(sample, new Random(42));
            sample = sample.subList(0, Math.min(SAMPLE, sample.size()));
            EndToEndTracker tracker = new EndToEndTracker(metricsUrl);
            tracker.follow(sample);
            long remaining = patience.toNanos() - (System.nanoTime() - startNanos);
            EndToEndTracker.Outcome outcome = tracker.await(Duration.ofNanos(Math.max(0, remaining)));
            detection.put("sampled", sample.size());
            detection.put("reflected", outcome.reflected());
            detection.put("missing", outcome.missing());
            detection.put("measuredTo", outcome.measuredTo());
            detection.put("endToEndLatencyMillis", PipelineBenchmark.percentiles(outcome.latencies()));
            secondsUntilDrained = outcome.missing() == 0 && outcome.reflected() > 0
                    ? Math.max(0, outcome.lastAppliedMillis() - startMillis) / 1e3 : null;
        }
        detection.put("patienceSeconds", patience.toSeconds());
        boolean drained = secondsUntilDrained != null;
        result.put("drained", drained);
        result.put("timedOut", !drained);
        result.put("secondsUntilDrained", secondsUntilDrained);
        result.put("drainedPerSecond", drained && secondsUntilDrained > 0 ? accepted / secondsUntilDrained : null);
        result.put("drainDetection", detection);
        return result;
    }

    /** Seconds from the first post until drained, or null when the patience ran out first. */
    private Double awaitDrained(long target, long startNanos, Duration patience, Map<String, Object> detection)
            throws InterruptedException {
        long deadline = startNanos + patience.toNanos();
        Projection last = null;
        String lastFailure = null;
        int polls = 0;
        while (true) {
            try {
                Projection now = projection();
                polls++;
                if (now == null) {
                    lastFailure = "GET /projection answered 404 during the phase";
                } else {
                    last = now;
                    if (now.reportCount() >= target && now.pendingTotals() == 0) {
                        detection.put("polls", polls);
                        detection.put("reportCountLast", now.reportCount());
                        detection.put("pendingTotalsLast", now.pendingTotals());
                        return seconds(System.nanoTime() - startNanos);
                    }
                }
            } catch (IOException | RuntimeException e) {
                lastFailure = e.toString();
            }
            if (System.nanoTime() >= deadline) {
                detection.put("polls", polls);
                detection.put("reportCountLast", last == null ? null : last.reportCount());
                detection.put("pendingTotalsLast", last == null ? null : last.pendingTotals());
                detection.put("lastFailure", lastFailure);
                return null;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** GET /projection, or null when the service has no such endpoint (404). */
    private Projection projection() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/projection", Duration.ofSeconds(30));
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /projection answered " + response.statusCode() + ": "
                    + excerpt(response.body()));
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.path("reportCount").isNumber() || !body.path("pendingTotals").isNumber()) {
            throw new IllegalStateException("GET /projection without reportCount and pendingTotals: "
                    + excerpt(response.body()));
        }
        return new Projection(body.get("reportCount").asLong(), body.get("pendingTotals").asLong());
    }

    /**
     * p50/p99/max of GET /totals, /pairs, /totals/{donor}/{recipient}/{metric} (the first row of /totals) and
     * /timeseries?metric= (that row's metric), each read {@code requests} times one after another after
     * {@code warmUp} unmeasured reads, or as many times as {@code budget} allows when a read is that slow (the
     * count measured is in the results). Every answer that is not a 200 (warm-up included) is counted.
     */
    Map<String, Object> reads(int warmUp, int requests, Duration budget) throws Exception {
        Map<String, Object> reads = new LinkedHashMap<>();
        HttpResponse<String> totals = get("/totals", Duration.ofSeconds(60));
        JsonNode rows = totals.statusCode() == 200 ? JSON.readTree(totals.body()) : null;
        List<String> paths = new ArrayList<>(List.of("/totals", "/pairs"));
        List<String> names = new ArrayList<>(List.of("totals", "pairs"));
        if (rows != null && rows.isArray() && !rows.isEmpty()) {
            JsonNode first = rows.get(0);
            String metric = first.path("metric").asText();
            paths.add("/totals/" + segment(first.path("donor").asText()) + "/"
                    + segment(first.path("recipient").asText()) + "/" + segment(metric));
            names.add("total");
            paths.add("/timeseries?metric=" + URLEncoder.encode(metric, StandardCharsets.UTF_8));
            names.add("timeseries");
        } else {
            reads.put("skipped", "GET /totals answered " + totals.statusCode() + " with no rows: no total to read "
                    + "one of, nor a metric for /timeseries");
        }
        for (int i = 0; i < paths.size(); i++) {
            reads.put(names.get(i), timeReads(paths.get(i), warmUp, requests, budget));
        }
        return reads;
    }

    /**
     * {@code dashboards} dashboards loading at once, {@code rounds} times each: every load fires the four reads the
     * dashboard's script fires on its first load, in parallel, and is timed until all four answered. Then whether
     * metrics-service is still live. The issue asks that it stays within its heap and live under this.
     */
    Map<String, Object> concurrentDashboards(int dashboards, int rounds, String metric) throws Exception {
        String m = URLEncoder.encode(metric, StandardCharsets.UTF_8);
        List<String> paths = List.of("/totals/grand", "/totals?metric=" + m, "/timeseries?metric=" + m, "/pairs");
        Histogram loads = new Histogram(3);
        java.util.concurrent.atomic.AtomicInteger non200 = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService readers =
                java.util.concurrent.Executors.newFixedThreadPool(dashboards * paths.size());
        java.util.concurrent.ExecutorService pages = java.util.concurrent.Executors.newFixedThreadPool(dashboards);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int d = 0; d < dashboards; d++) {
                done.add(pages.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        long start = System.nanoTime();
                        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
                        for (String path : paths) {
                            answers.add(readers.submit(() -> get(path, Duration.ofSeconds(60)).statusCode()));
                        }
                        for (java.util.concurrent.Future<Integer> answer : answers) {
                            try {
                                if (answer.get() != 200) {
                                    non200.incrementAndGet();
                                }
                            } catch (java.util.concurrent.ExecutionException e) {
                                non200.incrementAndGet();
                            }
                        }
                        synchronized (loads) {
                            loads.recordValue(Math.max(0, (System.nanoTime() - start) / 1000));
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> page : done) {
                page.get();
            }
        } finally {
            pages.shutdownNow();
            readers.shutdownNow();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dashboards", dashboards);
        result.put("loadsEach", rounds);
        result.put("readsPerLoad", paths);
        result.put("non200", non200.get());
        result.put("loadMillis", PipelineBenchmark.percentiles(loads));
        HttpResponse<String> live = get("/q/health/live", Duration.ofSeconds(30));
        result.put("livenessAfter", live.statusCode() + " " + excerpt(live.body()));
        return result;
    }

    private Map<String, Object> timeReads(String path, int warmUp, int requests, Duration budget)
            throws InterruptedException {
        Histogram micros = new Histogram(3);
        int non200 = 0;
        String firstFailure = null;
        long deadline = System.nanoTime() + budget.toNanos();
        int measured = 0;
        for (int i = 0; i < warmUp + requests && System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            int status;
            String failure;
            try {
                HttpResponse<String> response = get(path, Duration.ofSeconds(60));
                status = response.statusCode();
                failure = status == 200 ? null : status + ": " + excerpt(response.body());
            } catch (IOException e) {
                status = -1;
                failure = e.toString();
            }
            long elapsed = System.nanoTime() - start;
            if (i >= warmUp) {
                micros.recordValue(Math.max(0, elapsed / 1000));
                measured++;
            }
            if (status != 200) {
                non200++;
                firstFailure = firstFailure == null ? failure : firstFailure;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("path", path);
        result.put("warmUp", warmUp);
        result.put("requests", measured);
        if (measured < requests) {
            result.put("stoppedBy", "time budget of " + budget.toSeconds() + " s (" + requests + " asked for)");
        }
        result.put("non200", non200);
        if (firstFailure != null) {
            result.put("firstFailure", firstFailure);
        }
        result.put("latencyMillis", PipelineBenchmark.percentiles(micros));
        return result;
    }

    /** Size of every database on the stack's PostgreSQL server, in MB (2^20 bytes), by name. */
    static Map<String, Object> databaseMegabytes(int postgresPort) throws Exception {
        Map<String, Object> sizes = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "select datname, pg_database_size(datname) from pg_database order by datname")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getLong(2) / (1024.0 * 1024.0));
            }
        }
        return sizes;
    }

    private HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(metricsUrl + path)).timeout(timeout)
                .header("Accept", "application/json").GET();
        authorize.accept(request);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One path segment: percent-encoded, a blank as %20 rather than a form's +. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String excerpt(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
