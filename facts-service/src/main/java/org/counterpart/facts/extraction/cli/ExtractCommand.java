package org.counterpart.facts.extraction.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.counterpart.facts.extraction.ExtractedFact;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.ReportText;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extract [--published=YYYY-MM-DD] [--language=en|zh] FILE...}: prints the facts of each file as JSON
 * lines (one fact per line, the fields of GET /facts plus "file"), offline: no Kafka, no database.
 * Exit status 0 on success, 2 on bad usage, 1 when a file cannot be read.
 */
public final class ExtractCommand {
    static final String USAGE = "usage: extract [--published=YYYY-MM-DD] [--language=en|zh] FILE...";

    private final Extractor extractor;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public ExtractCommand(Extractor extractor) {
        this.extractor = extractor;
    }

    public static void main(String[] args) {
        int status = new ExtractCommand(Extractor.standard()).run(args, System.out, System.err);
        if (status != 0) System.exit(status);
    }

    /** Runs the command; returns the exit status. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        LocalDate published = null;
        String language = null;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            try {
                if (a.startsWith("--published=")) published = LocalDate.parse(a.substring("--published=".length()));
                else if (a.startsWith("--language=")) language = language(a.substring("--language=".length()));
                else if (a.equals("--help") || a.equals("-h")) { out.println(USAGE); return 0; }
                else if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a);
                else files.add(Path.of(a));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                err.println("extract: " + e.getMessage());
                err.println(USAGE);
                return 2;
            }
        }
        if (files.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        int status = 0;
        for (Path file : files) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (ExtractedFact f : extractor.extract(new ReportText(text, null, language, published))) {
                    out.println(json.writeValueAsString(line(file, f)));
                }
            } catch (IOException | UncheckedIOException e) {
                err.println("extract: cannot read " + file + ": " + e.getMessage());
                status = 1;
            }
        }
        out.flush();
        return status;
    }

    private static String language(String value) {
        if (!value.equals("en") && !value.equals("zh")) throw new IllegalArgumentException("language must be en or zh");
        return value;
    }

    /** The GET /facts shape (without the ids a stored fact has) plus the file it came from. */
    private static Map<String, Object> line(Path file, ExtractedFact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("metric", f.metric());
        m.put("value", plain(f.value()));
        m.put("unit", f.unit());
        m.put("asWritten", f.asWritten());
        m.put("qualifier", f.qualifier().wireName());
        m.put("basis", f.basis().wireName());
        m.put("periodStart", f.periodStart());
        m.put("periodEnd", f.periodEnd());
        m.put("asOf", f.asOf());
        m.put("donor", party(f.donor()));
        m.put("recipient", party(f.recipient()));
        m.put("evidence", Map.of("sentence", f.evidence().sentence(), "start", f.evidence().start(), "end", f.evidence().end()));
        m.put("alsoStated", f.alsoStated().isEmpty() ? null : f.alsoStated());
        m.put("extractorVersion", Extractor.VERSION);
        return m;
    }

    private static Map<String, Object> party(org.counterpart.facts.extraction.Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("code", p.code());
        m.put("level", p.level());
        return m;
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
