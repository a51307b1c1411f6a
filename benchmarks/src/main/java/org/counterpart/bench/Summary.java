package org.counterpart.bench;

import java.util.Map;

/** The results as a Markdown table beside the targets, for BENCHMARKS.md. */
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
