package org.counterpart.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Runs every phase of the benchmark for seconds, to keep it working; it asserts what happened, never how fast. */
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
    }
}
