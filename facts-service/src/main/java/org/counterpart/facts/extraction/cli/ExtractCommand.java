package org.counterpart.facts.extraction.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.fact.ReportText;
import org.counterpart.facts.extraction.evaluation.GoldReport;
import org.counterpart.facts.extraction.evaluation.GoldSet;
import org.counterpart.facts.extraction.evaluation.ScoreCard;
import org.counterpart.facts.extraction.evaluation.Scorer;

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
 * {@code extract --gold=GOLD.json --texts=DIR [--quiet]}: scores the extractor on a labelled set (precision, recall
 * and F1 overall, per language and per metric, party agreement, forbidden figures; every miss and extra unless quiet).
 * Exit status 0 on success, 2 on bad usage, 1 when a file cannot be read.
 */
public final class ExtractCommand {
    static final String USAGE = "usage: extract [--published=YYYY-MM-DD] [--language=en|zh] FILE...\n"
            + "       extract --gold=GOLD.json --texts=DIR [--quiet]";

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
        Path gold = null, texts = null;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            try {
                if (a.equals("--gold") || a.equals("--texts")) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                    a = a + "=" + args[++i];
                }
                if (a.startsWith("--gold=")) gold = Path.of(a.substring("--gold=".length()));
                else if (a.startsWith("--texts=")) texts = Path.of(a.substring("--texts=".length()));
                else if (a.equals("--quiet")) quiet = true;
                else if (a.startsWith("--published=")) published = LocalDate.parse(a.substring("--published=".length()));
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
        if (gold != null || texts != null) {
            if (gold == null || texts == null || !files.isEmpty()) {
                err.println("extract: --gold and --texts go together, without files");
                err.println(USAGE);
                return 2;
            }
            return score(gold, texts, quiet, out, err);
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

    private int score(Path gold, Path texts, boolean quiet, PrintStream out, PrintStream err) {
        try {
            List<GoldReport> reports = GoldSet.read(gold);
            ScoreCard.of(new Scorer(extractor), reports, texts).print(out, !quiet);
            out.flush();
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("extract: cannot read the labelled set: " + e.getMessage());
            return 1;
        }
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
        m.put("evidence", Map.of("sentence", f.evidence().sentence(), "start", f.evidence().start(), "end", f.evidence().end(),
                "figureStart", f.evidence().figureStart(), "figureEnd", f.evidence().figureEnd()));
        m.put("alsoStated", f.alsoStated().isEmpty() ? null : f.alsoStated());
        m.put("confidence", f.confidence().wireName());
        m.put("reasons", f.reasons());
        m.put("partOf", f.partOf());
        m.put("extractorVersion", Extractor.VERSION);
        return m;
    }

    private static Map<String, Object> party(org.counterpart.facts.extraction.fact.Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("code", p.code());
        m.put("level", p.level());
        if (p.isGroup()) {
            m.put("members", p.members().stream().map(ExtractCommand::party).toList());
            m.put("membersInferred", p.membersInferred());
        }
        return m;
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
