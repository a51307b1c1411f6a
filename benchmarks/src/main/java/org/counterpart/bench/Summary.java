package org.counterpart.bench;

import java.util.Map;

/**
 * The results as Markdown tables beside the targets, for BENCHMARKS.md: the phases at fixed rates and at maximum
 * load, then the scale phase. Targets are the issue's: ingest p99 < 50 ms at 100 reports/s, end-to-end p99 < 500 ms
 * at 50 reports/s, resident memory < 300 MB and start-up < 2.5 s per service; after the backfill, each read's p99
 * < 50 ms, the dashboard's first load < 1 s, and end-to-end (drained) >= 1,000 reports/s.
 */
final class Summary {

    private Summary() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r) {
        Map<String, Object> ingest = (Map<String, Object>) r.get("ingestAtFixedRate");
        Map<String, Object> e2e = (Map<String, Object>) r.get("endToEndAtFixedRate");
        Map<String, Object> max = (Map<String, Object>) r.get("maxThroughput");
        Map<String, Object> ref = (Map<String, Object>) r.get("reference");
        Map<String, Object> ingestLatency = (Map<String, Object>) ingest.get("latencyMillis");
        Map<String, Object> e2eLatency = (Map<String, Object>) e2e.get("endToEndLatencyMillis");
        StringBuilder md = new StringBuilder();
        md.append("| measure | target | measured (").append(r.get("mode")).append(") |\n|---|---|---|\n");
        md.append(row("sustained end-to-end throughput" + to(max), ">= 500 reports/s",
                fmt(max.get("endToEndPerSecond")) + " reports/s (accepted " + fmt(max.get("acceptedPerSecond"))
                        + "/s)"));
        md.append(row("ingest latency at " + ingest.get("rate") + " reports/s", "p99 < 50 ms",
                "p50 " + fmt(ingestLatency.get("p50")) + " ms, p99 " + fmt(ingestLatency.get("p99")) + " ms, max "
                        + fmt(ingestLatency.get("max")) + " ms"));
        md.append(row("end-to-end latency at " + e2e.get("rate") + " reports/s" + to(e2e), "p99 < 500 ms",
                "p50 " + fmt(e2eLatency.get("p50")) + " ms, p99 " + fmt(e2eLatency.get("p99")) + " ms"));
        md.append(row("facts per second through the facts topic", "-", fmt(max.get("factsPerSecond"))));
        ((Map<String, Object>) r.get("startUpMillis")).forEach((service, millis) ->
                md.append(row(service + " start-up", "< 2.5 s", millis + " ms")));
        ((Map<String, Object>) r.get("resourcesUnderMaxLoad")).forEach((service, usage) -> {
            Map<String, Object> u = (Map<String, Object>) usage;
            md.append(row(service + " resident memory / CPU under max load", "< 300 MB",
                    fmt(u.get("maxRssMegabytes")) + " MB / " + fmt(u.get("cpuCores")) + " cores"));
        });
        md.append(row("reference: Kafka producer (" + ref.get("kafkaRecordSizeBytes") + " B records, acks=all)", "-",
                fmt(ref.get("kafkaProducerRecordsPerSecond")) + " records/s; end-to-end is "
                        + pct(ref.get("endToEndShareOfKafkaProducer")) + " of it"));
        md.append(row("reference: PostgreSQL single-row insert transactions", "-",
                fmt(ref.get("postgresInsertsPerSecond")) + " rows/s; end-to-end is "
                        + pct(ref.get("endToEndShareOfPostgresInserts")) + " of it"));
        Map<String, Object> scale = (Map<String, Object>) r.get("scale");
        if (scale != null) {
            md.append('\n').append(scale(scale, r.get("mode")));
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static String scale(Map<String, Object> s, Object mode) {
        StringBuilder md = new StringBuilder();
        md.append("| scale: ").append(String.format("%,d", ((Number) s.get("reports")).longValue()))
                .append(" reports backfilled | target | measured (").append(mode).append(") |\n|---|---|---|\n");
        md.append(row("backfill, " + s.get("concurrency") + " concurrent posters", "-",
                s.get("accepted") + " of " + s.get("posted") + " accepted in " + fmt(s.get("secondsToPost")) + " s ("
                        + fmt(s.get("acceptedPerSecond")) + "/s)"));
        Map<String, Object> detection = (Map<String, Object>) s.get("drainDetection");
        String how = detection.containsKey("sampled")
                ? " (estimated from " + detection.get("sampled") + " sampled reports, to "
                + detection.get("measuredTo") + ")"
                : "";
        md.append(row("end-to-end, until metrics-service has drained the backfill", ">= 1,000 reports/s",
                Boolean.TRUE.equals(s.get("drained"))
                        ? fmt(s.get("drainedPerSecond")) + " reports/s: drained after "
                        + fmt(s.get("secondsUntilDrained")) + " s" + how
                        : "not drained within " + detection.get("patienceSeconds") + " s" + how));
        Map<String, Object> reads = (Map<String, Object>) s.get("reads");
        reads.forEach((name, value) -> {
            if (value instanceof Map<?, ?> read) {
                Map<String, Object> latency = (Map<String, Object>) read.get("latencyMillis");
                md.append(row("GET " + read.get("path") + " (" + read.get("requests") + " reads)", "p99 < 50 ms",
                        "p50 " + fmt(latency.get("p50")) + " ms, p99 " + fmt(latency.get("p99")) + " ms, max "
                                + fmt(latency.get("max")) + " ms" + (((Number) read.get("non200")).intValue() == 0
                                ? "" : "; " + read.get("non200") + " not 200")));
            } else {
                md.append(row("reads", "p99 < 50 ms", String.valueOf(value)));
            }
        });
        Map<String, Object> dashboard = (Map<String, Object>) s.get("dashboardFirstLoad");
        md.append(row("dashboard first load, headless Chromium", "< 1 s",
                dashboard.containsKey("coldMillis")
                        ? "cold " + fmt(dashboard.get("coldMillis")) + " ms, warm median "
                        + fmt(dashboard.get("warmMedianMillis")) + " ms"
                        : dashboard.containsKey("skipped") ? "skipped: " + dashboard.get("skipped")
                        : "failed: " + dashboard.get("failed")));
        StringBuilder sizes = new StringBuilder();
        ((Map<String, Object>) s.get("databaseMegabytes")).forEach((name, mb) ->
                sizes.append(sizes.isEmpty() ? "" : ", ").append(name).append(' ').append(fmt(mb)).append(" MB"));
        md.append(row("database sizes", "-", sizes.toString()));
        return md.toString();
    }

    /** " (to totalsAt)" when the end-to-end figures run to the stored totals, "" when to appliedAt as before. */
    private static String to(Map<String, Object> phase) {
        Object measuredTo = phase.get("measuredTo");
        return measuredTo == null || "appliedAt".equals(measuredTo) ? "" : " (to " + measuredTo + ")";
    }

    private static String row(String measure, String target, String measured) {
        return "| " + measure + " | " + target + " | " + measured + " |\n";
    }

    private static String fmt(Object number) {
        return number instanceof Number n ? String.format("%,.1f", n.doubleValue()) : String.valueOf(number);
    }

    private static String pct(Object share) {
        return share instanceof Number n ? String.format("%.1f%%", 100 * n.doubleValue()) : String.valueOf(share);
    }
}
