package org.counterpart.facts.extraction.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.fact.ReportText;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Extraction throughput, single-threaded, on the mixed English/Chinese evaluation corpus (src/test/resources/corpus).
 * One operation extracts every corpus report once; MB/s = {@link #BYTES_PER_OP} / 1e6 × ops/s (printed at setup).
 * Run: mvn -pl facts-service -Pbenchmark test-compile exec:exec@jmh
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
public class ExtractionBenchmark {
    private final List<ReportText> reports = new ArrayList<>();
    private Extractor extractor;
    static long BYTES_PER_OP;

    @Setup
    public void load() throws IOException {
        extractor = Extractor.standard();
        JsonNode expected = new ObjectMapper().readTree(resource("expected.json"));
        long bytes = 0;
        for (JsonNode r : expected.get("reports")) {
            String text = new String(resource(r.get("file").asText()).readAllBytes(), StandardCharsets.UTF_8);
            String published = r.path("published").asText(null);
            reports.add(new ReportText(text, r.path("title").asText(null), r.get("language").asText(),
                    published == null ? null : LocalDate.parse(published)));
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        BYTES_PER_OP = bytes;
        System.out.printf("%nCorpus: %d reports, %d bytes (UTF-8) per operation: MB/s = ops/s × %.6f%n",
                reports.size(), bytes, bytes / 1e6);
    }

    @Benchmark
    public void extractCorpus(Blackhole sink) {
        for (ReportText r : reports) sink.consume(extractor.extract(r));
    }

    private static InputStream resource(String name) {
        InputStream in = ExtractionBenchmark.class.getResourceAsStream("/corpus/" + name);
        if (in == null) throw new IllegalStateException("missing corpus resource " + name);
        return in;
    }
}
