package org.counterpart.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scale phase and the end-to-end tracker against a fake ingest and metrics service on one port: with and without
 * GET /projection, with and without totalsAt, so that both ways of detecting the drain are exercised before a
 * metrics-service with the new endpoint exists.
 */
class ScalePhaseTest {

    private static final int BEFORE = 7;

    private HttpServer server;
    private String url;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger projectionPolls = new AtomicInteger();
    private final Map<String, Integer> reportPolls = new ConcurrentHashMap<>();
    private final List<String> readPaths = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void start(boolean projectionEndpoint, boolean totalsAtField) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/reports")) {
                answer(exchange, 202, "{\"id\":\"r" + accepted.incrementAndGet() + "\"}");
            } else if (path.equals("/projection")) {
                if (!projectionEndpoint) {
                    answer(exchange, 404, "{}");
                    return;
                }
                // applies everything accepted at once, then reflects it in the totals on the third poll after that
                int poll = projectionPolls.incrementAndGet();
                answer(exchange, 200, "{\"reportCount\":" + (BEFORE + accepted.get()) + ",\"pendingTotals\":"
                        + (poll < 4 ? 2 : 0) + "}");
            } else if (path.startsWith("/projection/reports/")) {
                String id = path.substring("/projection/reports/".length());
                int polls = reportPolls.merge(id, 1, Integer::sum);
                String applied = "\"" + Instant.now() + "\"";
                String totalsAt = !totalsAtField ? "" : ",\"totalsAt\":" + (polls < 2 ? "null" : applied);
                answer(exchange, 200, "{\"reportId\":\"" + id + "\",\"factCount\":2,\"appliedAt\":" + applied
                        + totalsAt + "}");
            } else if (path.equals("/totals")) {
                readPaths.add(path);
                answer(exchange, 200, "[{\"donor\":\"Shanghai and Guangdong\",\"recipient\":\"Yunnan\","
                        + "\"metric\":\"funds_cny\",\"total\":5}]");
            } else if (path.equals("/totals/Shanghai%20and%20Guangdong/Yunnan/funds_cny")
                    || path.equals("/pairs") || (path.equals("/timeseries") && "metric=funds_cny".equals(query))) {
                readPaths.add(path);
                answer(exchange, 200, "[]");
            } else {
                answer(exchange, 404, "{}");
            }
        });
        server.start();
        url = "http://localhost:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void withGetProjectionTheBackfillDrainsWhenTheCountHasGrownAndNoTotalsArePending() throws Exception {
        start(true, true);
        Map<String, Object> scale = new ScalePhase(url, request -> { }).backfill(
                new LoadGenerator(url, request -> { }, 1), 25, 3, Duration.ofSeconds(20), 11);
        assertEquals(25, scale.get("posted"));
        assertEquals(25, scale.get("accepted"));
        assertEquals(true, scale.get("drained"));
        assertNotNull(scale.get("drainedPerSecond"));
        Map<String, Object> detection = (Map<String, Object>) scale.get("drainDetection");
        assertEquals((long) BEFORE, detection.get("reportCountBefore"));
        assertEquals((long) BEFORE + 25, detection.get("reportCountTarget"));
        assertEquals(0L, detection.get("pendingTotalsLast"));
        assertTrue(projectionPolls.get() >= 4, "waited for pendingTotals 0: " + projectionPolls.get());
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutGetProjectionASampleIsFollowedToTotalsAtWaitingWhileItIsNull() throws Exception {
        start(false, true);
        Map<String, Object> scale = new ScalePhase(url, request -> { }).backfill(
                new LoadGenerator(url, request -> { }, 1), 30, 3, Duration.ofSeconds(20), 0);
        assertEquals(true, scale.get("drained"));
        Map<String, Object> detection = (Map<String, Object>) scale.get("drainDetection");
        assertEquals(30, detection.get("sampled"));
        assertEquals(0, detection.get("missing"));
        assertEquals("totalsAt", detection.get("measuredTo"));
        assertTrue(reportPolls.values().stream().allMatch(polls -> polls >= 2), "polled again while null");
    }

    @Test
    void withoutTotalsAtTheTrackerTimesToAppliedAt() throws Exception {
        start(false, false);
        LoadGenerator.Result posted = new LoadGenerator(url, request -> { }, 1).asFastAsAccepted(2, 10);
        EndToEndTracker tracker = new EndToEndTracker(url);
        tracker.follow(posted.accepted());
        EndToEndTracker.Outcome outcome = tracker.await(Duration.ofSeconds(10));
        assertEquals(10, outcome.reflected());
        assertEquals("appliedAt", outcome.measuredTo());
        assertEquals(20, outcome.facts());
        assertTrue(reportPolls.values().stream().allMatch(polls -> polls == 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFourReadsAreTimedAndTheTotalIsReadByItsEncodedPath() throws Exception {
        start(true, true);
        Map<String, Object> reads = new ScalePhase(url, request -> { }).reads(2, 5, Duration.ofMinutes(1));
        for (String read : List.of("totals", "pairs", "total", "timeseries")) {
            Map<String, Object> measured = (Map<String, Object>) reads.get(read);
            assertEquals(0, measured.get("non200"), read + ": " + measured);
            assertEquals(5L, ((Map<String, Object>) measured.get("latencyMillis")).get("count"));
        }
        assertEquals("/totals/Shanghai%20and%20Guangdong/Yunnan/funds_cny",
                ((Map<String, Object>) reads.get("total")).get("path"));
        assertEquals("/timeseries?metric=funds_cny", ((Map<String, Object>) reads.get("timeseries")).get("path"));
        assertEquals(1 + 4 * 7, readPaths.size(), "one read to find the row, then 2 + 5 of each");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReadSlowerThanItsBudgetIsMeasuredAsOftenAsTheBudgetAllowsAndSaysSo() throws Exception {
        start(true, true);
        Map<String, Object> reads = new ScalePhase(url, request -> { }).reads(0, 1_000_000, Duration.ofMillis(300));
        for (String read : List.of("totals", "pairs", "total", "timeseries")) {
            Map<String, Object> measured = (Map<String, Object>) reads.get(read);
            long count = (Long) ((Map<String, Object>) measured.get("latencyMillis")).get("count");
            assertTrue(count >= 1 && count < 1_000_000, read + ": " + measured);
            assertEquals((int) count, measured.get("requests"), read + ": " + measured);
            assertTrue(((String) measured.get("stoppedBy")).startsWith("time budget"), read + ": " + measured);
        }
    }
}
