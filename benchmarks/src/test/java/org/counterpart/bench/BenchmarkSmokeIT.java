package org.counterpart.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Runs every phase of the benchmark for seconds (the scale phase with a few hundred reports), to keep it working; it
 * asserts what happened, never how fast.
 */
class BenchmarkSmokeIT {

    @Test
    @SuppressWarnings("unchecked")
    void everyPhaseRunsAndEveryAcceptedReportReachesTheTotals() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, Object> results = PipelineBenchmark.run(root, PipelineBenchmark.Plan.smoke(), true);
        System.out.println(Summary.markdown(results));

        Map<String, Object> e2e = (Map<String, Object>) results.get("endToEndAtFixedRate");
        assertEquals(0, e2e.get("missing"), "every accepted report is reflected");
        assertTrue((int) e2e.get("reflected") > 0);
        Map<String, Object> max = (Map<String, Object>) results.get("maxThroughput");
        assertEquals(0, max.get("missing"));
        assertTrue(((Number) max.get("factsPerSecond")).doubleValue() > 0, "facts flowed through the facts topic");
        Map<String, Object> reference = (Map<String, Object>) results.get("reference");
        assertTrue(((Number) reference.get("kafkaProducerRecordsPerSecond")).doubleValue() > 0);
        assertTrue(((Number) reference.get("postgresInsertsPerSecond")).doubleValue() > 0);
        assertEquals(3, ((Map<String, Object>) results.get("resourcesUnderMaxLoad")).size());

        Map<String, Object> scale = (Map<String, Object>) results.get("scale");
        assertTrue((int) scale.get("accepted") > 0, "the backfill was accepted: " + scale);
        assertEquals(true, scale.get("drained"), "every accepted report of the backfill drained: " + scale);
        Map<String, Object> drain = (Map<String, Object>) scale.get("drainDetection");
        if (drain.containsKey("sampled")) {
            // without GET /projection: the smoke backfill is smaller than the sample, so every report was followed
            assertEquals(scale.get("accepted"), drain.get("sampled"));
            assertEquals(0, drain.get("missing"));
        }
        Map<String, Object> reads = (Map<String, Object>) scale.get("reads");
        for (String read : new String[] {"totals", "pairs", "total", "timeseries"}) {
            Map<String, Object> measured = (Map<String, Object>) reads.get(read);
            assertTrue(measured != null, "GET " + read + " was read: " + reads);
            assertEquals(0, measured.get("non200"), "every read answered 200: " + measured);
            assertEquals((long) (int) measured.get("requests"),
                    ((Map<String, Object>) measured.get("latencyMillis")).get("count"));
        }
        Map<String, Object> dashboards = (Map<String, Object>) scale.get("concurrentDashboards");
        assertEquals(0, dashboards.get("non200"), "ten dashboards at once, every read answered 200: " + dashboards);
        assertTrue(((String) dashboards.get("livenessAfter")).startsWith("200"), "still live: " + dashboards);
        assertEquals(20L, ((Map<String, Object>) dashboards.get("loadMillis")).get("count"), dashboards.toString());
        Map<String, Object> databases = (Map<String, Object>) scale.get("databaseMegabytes");
        for (String database : new String[] {"ingest", "facts", "metrics"}) {
            assertTrue(databases.get(database) instanceof Double size && size > 0,
                    database + " database size: " + databases);
        }
        Map<String, Object> dashboard = (Map<String, Object>) scale.get("dashboardFirstLoad");
        assertTrue(dashboard.containsKey("coldMillis") || dashboard.containsKey("skipped"),
                "the dashboard loaded, or Chromium is absent: " + dashboard);
    }
}
