package org.counterpart.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;
import org.counterpart.stack.LocalStack;
import org.counterpart.stack.ServiceProcess;
import org.counterpart.stack.StackAccess;
import org.counterpart.stack.StackSettings;

/**
 * The whole-pipeline benchmark: starts the local stack (Kafka, PostgreSQL, the three services on this machine),
 * drives it with generated reports, follows them to the totals, backfills many reports and reads the totals with
 * them in place (the scale phase), and measures Kafka and PostgreSQL alone in the same run for reference.
 * {@code --smoke} runs every phase for seconds only, to check that the benchmark still works.
 * {@code -Dcounterpart.bench.scale=N} sets how many reports the scale phase backfills (100,000; smoke 300).
 *
 * <pre>mvn -B -q install -DskipTests && mvn -B -q -pl benchmarks exec:java [-Dexec.args=--smoke]</pre>
 */
public final class PipelineBenchmark {

    /**
     * How long and how hard each phase runs. The scale phase backfills {@code scaleReports} (overridden by
     * {@code -Dcounterpart.bench.scale=N}) and waits at most {@code scalePatience} for them to drain; then reads each
     * read endpoint {@code readRequests} times (or for {@code readBudget}, whichever ends first) after
     * {@code readWarmUp} unmeasured reads, and loads the dashboard
     * once cold and {@code dashboardWarmLoads} times warm.
     */
    record Plan(Duration warmUp, Duration phase, int ingestRate, int endToEndRate, int concurrency,
                int kafkaRecords, int postgresRows, Duration patience, int scaleReports, Duration scalePatience,
                int readWarmUp, int readRequests, Duration readBudget, int dashboardWarmLoads) {

        static final String SCALE_PROPERTY = "counterpart.bench.scale";

        static Plan full() {
            return new Plan(Duration.ofSeconds(15), Duration.ofSeconds(30), 100, 50, 16, 50_000, 5_000,
                    Duration.ofMinutes(3), scale(100_000), Duration.ofMinutes(60), 20, 300, Duration.ofMinutes(3), 5);
        }

        static Plan smoke() {
            return new Plan(Duration.ofSeconds(2), Duration.ofSeconds(3), 10, 5, 2, 2_000, 200,
                    Duration.ofSeconds(60), scale(300), Duration.ofMinutes(2), 20, 20, Duration.ofSeconds(30), 5);
        }

        private static int scale(int fallback) {
            int reports = Integer.getInteger(SCALE_PROPERTY, fallback);
            if (reports < 1) {
                throw new IllegalArgumentException("-D" + SCALE_PROPERTY + " must be at least 1, was " + reports);
            }
            return reports;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = java.util.Arrays.asList(args).contains("--smoke");
        Path root = Path.of(System.getProperty("counterpart.project-root", ".")).toAbsolutePath().normalize();
        Path out = root.resolve("benchmarks/target/benchmark-results.json");
        Map<String, Object> results = run(root, smoke ? Plan.smoke() : Plan.full(), smoke);
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        System.out.println(Summary.markdown(results));
        System.out.println("Results written to " + out);
        System.exit(0);
    }

    static Map<String, Object> run(Path root, Plan plan, boolean smoke) throws Exception {
        Path home = Files.createTempDirectory("counterpart-bench");
        StackSettings settings = new StackSettings(root, home, freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), StackAccess.open());
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", smoke ? "smoke" : "full");
        results.put("startedAt", Instant.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        try (LocalStack stack = new LocalStack(settings)) {
            stack.start();
            Map<String, Object> startUp = new LinkedHashMap<>();
            Map<String, Long> pids = new LinkedHashMap<>();
            for (ServiceProcess service : stack.services()) {
                startUp.put(service.name(), service.startUp().toMillis());
                pids.put(service.name(), service.pid());
            }
            results.put("startUpMillis", startUp);

            String ingest = settings.url(settings.ingestPort());
            String metrics = settings.url(settings.metricsPort());
            LoadGenerator load = new LoadGenerator(ingest, settings.access()::authorize, 42);

            long acceptedSoFar = 0;
            log("warm-up");
            LoadGenerator.Result warmUp = load.fixedRate(Math.max(5, plan.endToEndRate() / 2), plan.warmUp());
            acceptedSoFar += warmUp.accepted().size();
            follow(metrics, warmUp, plan.patience());

            log("ingest latency at " + plan.ingestRate() + " reports/s");
            LoadGenerator.Result ingestPhase = load.fixedRate(plan.ingestRate(), plan.phase());
            acceptedSoFar += ingestPhase.accepted().size();
            results.put("ingestAtFixedRate", Map.of("rate", plan.ingestRate(),
                    "posted", ingestPhase.accepted().size() + ingestPhase.refused(),
                    "refused", ingestPhase.refused(),
                    "latencyMillis", percentiles(ingestPhase.latencies().getIntervalHistogram())));
            follow(metrics, ingestPhase, plan.patience());

            log("end-to-end latency at " + plan.endToEndRate() + " reports/s");
            LoadGenerator.Result e2ePhase = load.fixedRate(plan.endToEndRate(), plan.phase());
            acceptedSoFar += e2ePhase.accepted().size();
            EndToEndTracker.Outcome e2e = follow(metrics, e2ePhase, plan.patience());
            results.put("endToEndAtFixedRate", Map.of("rate", plan.endToEndRate(),
                    "ingestLatencyMillis", percentiles(e2ePhase.latencies().getIntervalHistogram()),
                    "endToEndLatencyMillis", percentiles(e2e.latencies()),
                    "measuredTo", e2e.measuredTo(),
                    "reflected", e2e.reflected(), "missing", e2e.missing()));

            log("maximum sustained throughput, " + plan.concurrency() + " concurrent posters");
            ProcessSampler sampler = new ProcessSampler(pids);
            LoadGenerator.Result maxPhase = load.asFastAsAccepted(plan.concurrency(), plan.phase());
            acceptedSoFar += maxPhase.accepted().size();
            EndToEndTracker.Outcome max = follow(metrics, maxPhase, plan.patience());
            Map<String, ProcessSampler.Usage> usage = sampler.usage();
            sampler.close();
            Map<String, Object> throughput = new LinkedHashMap<>();
            throughput.put("acceptedPerSecond", maxPhase.accepted().size() / seconds(maxPhase.elapsed()));
            throughput.put("endToEndPerSecond", max.throughputPerSecond());
            throughput.put("factsPerSecond", max.factsPerSecond());
            throughput.put("reflected", max.reflected());
            throughput.put("missing", max.missing());
            throughput.put("ingestLatencyMillis", percentiles(maxPhase.latencies().getIntervalHistogram()));
            throughput.put("endToEndLatencyMillis", percentiles(max.latencies()));
            throughput.put("measuredTo", max.measuredTo());
            results.put("maxThroughput", throughput);
            Map<String, Object> resources = new LinkedHashMap<>();
            usage.forEach((name, u) -> resources.put(name, Map.of("cpuCores", u.cpuCores(),
                    "maxRssMegabytes", u.maxRssBytes() / (1024.0 * 1024.0))));
            results.put("resourcesUnderMaxLoad", resources);

            log("scale: backfill of " + plan.scaleReports() + " reports, " + plan.concurrency()
                    + " concurrent posters, then reads with them in place");
            ScalePhase scalePhase = new ScalePhase(metrics, settings.access()::authorize);
            Map<String, Object> scale = scalePhase.backfill(load, plan.scaleReports(), plan.concurrency(),
                    plan.scalePatience(), acceptedSoFar);
            log("scale: read latencies");
            scale.put("reads", scalePhase.reads(plan.readWarmUp(), plan.readRequests(), plan.readBudget()));
            log("scale: ten dashboards loading at once");
            scale.put("concurrentDashboards", scalePhase.concurrentDashboards(10, smoke ? 2 : 10, "funds_cny"));
            scale.put("databaseMegabytes", ScalePhase.databaseMegabytes(settings.postgresPort()));
            log("scale: dashboard first load in headless Chromium");
            scale.put("dashboardFirstLoad", DashboardLoad.measure(metrics, plan.dashboardWarmLoads()));
            results.put("scale", scale);

            log("reference: Kafka producer performance tool");
            int recordSize = 1500;
            ReferencePoints.KafkaReference kafka = ReferencePoints.kafkaProducer("localhost:" + settings.kafkaPort(),
                    plan.kafkaRecords(), recordSize);
            log("reference: PostgreSQL single-row insert transactions");
            double postgres = ReferencePoints.postgresInsertsPerSecond(settings.postgresPort(), plan.postgresRows(),
                    recordSize);
            double e2eRate = max.throughputPerSecond();
            results.put("reference", Map.of(
                    "kafkaProducerRecordsPerSecond", kafka.recordsPerSecond(),
                    "kafkaProducerMegabytesPerSecond", kafka.megabytesPerSecond(),
                    "kafkaRecordSizeBytes", recordSize,
                    "postgresInsertsPerSecond", postgres,
                    "endToEndShareOfKafkaProducer", e2eRate / kafka.recordsPerSecond(),
                    "endToEndShareOfPostgresInserts", e2eRate / postgres));
        }
        return results;
    }

    private static EndToEndTracker.Outcome follow(String metricsUrl, LoadGenerator.Result phase, Duration patience)
            throws InterruptedException {
        EndToEndTracker tracker = new EndToEndTracker(metricsUrl);
        tracker.follow(phase.accepted());
        return tracker.await(patience);
    }

    static Map<String, Object> percentiles(Histogram microseconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", microseconds.getTotalCount());
        p.put("p50", microseconds.getValueAtPercentile(50) / 1000.0);
        p.put("p99", microseconds.getValueAtPercentile(99) / 1000.0);
        p.put("max", microseconds.getMaxValue() / 1000.0);
        return p;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static void log(String phase) {
        System.out.println("[benchmark] " + phase);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
