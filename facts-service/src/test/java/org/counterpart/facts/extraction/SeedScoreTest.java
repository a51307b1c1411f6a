package org.counterpart.facts.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Scores the extractor on the hand-labelled seed reports in ../shared (a development set: used here only,
 * never by the extractor). A match needs the same metric, a value within 0.5% and agreeing parties, where a
 * province agrees with a city or county inside it. Optional gold facts are neither required nor false positives.
 */
class SeedScoreTest {
    private static final Extractor EXTRACTOR = Extractor.standard();
    private static final Gazetteer GAZETTEER = EXTRACTOR.gazetteer();

    /** Tally of true positives, false positives and false negatives. */
    private static final class Tally {
        int tp, fp, fn;
        double precision() { return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp); }
        double recall() { return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn); }
        double f1() { double p = precision(), r = recall(); return p + r == 0 ? 0 : 2 * p * r / (p + r); }
        @Override public String toString() {
            return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", precision(), recall(), f1(), tp, fp, fn);
        }
    }

    @Test
    void seedsScoreAtLeastNinetyPercent() throws IOException {
        Path shared = findShared();
        Assumptions.assumeTrue(shared != null, "../shared not found: seed score skipped");
        JsonNode gold = new ObjectMapper().readTree(shared.resolve("gold/seeds.json").toFile());
        Tally overall = new Tally();
        Map<String, Tally> perMetric = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (JsonNode report : gold.get("reports")) {
            String file = report.get("file").asText();
            String text = Files.readString(shared.resolve("seeds").resolve(file), StandardCharsets.UTF_8);
            LocalDate published = parseDate(report.path("published").asText(null));
            List<ExtractedFact> facts = EXTRACTOR.extract(new ReportText(text, null, "en", published));
            System.out.println("== " + file + ": " + facts.size() + " facts");
            facts.forEach(f -> System.out.println("   " + describe(f)));

            if (file.startsWith("000_") || file.startsWith("002_")) {
                if (!facts.isEmpty()) failures.add(file + " must yield no facts but gave " + facts.size());
            }
            for (JsonNode bad : report.path("must_not_extract")) {
                for (ExtractedFact f : facts) {
                    if (f.asWritten().contains(bad.asText()) || bad.asText().contains(f.asWritten())
                            && digitsOf(bad.asText()).equals(digitsOf(f.asWritten())) && !digitsOf(f.asWritten()).isEmpty()) {
                        failures.add(file + ": extracted forbidden '" + bad.asText() + "' as " + describe(f));
                    }
                }
            }

            List<JsonNode> golds = new ArrayList<>();
            report.get("facts").forEach(golds::add);
            boolean[] goldUsed = new boolean[golds.size()];
            for (ExtractedFact f : facts) {
                int hit = -1;
                for (int i = 0; i < golds.size(); i++) {
                    if (!goldUsed[i] && matches(golds.get(i), f)) { hit = i; break; }
                }
                Tally t = perMetric.computeIfAbsent(f.metric(), k -> new Tally());
                if (hit >= 0) {
                    goldUsed[hit] = true;
                    if (!golds.get(hit).path("optional").asBoolean(false)) { overall.tp++; t.tp++; }
                } else {
                    overall.fp++; t.fp++;
                    System.out.println("   FALSE POSITIVE: " + describe(f));
                }
            }
            for (int i = 0; i < golds.size(); i++) {
                JsonNode g = golds.get(i);
                if (!goldUsed[i] && !g.path("optional").asBoolean(false)) {
                    overall.fn++;
                    perMetric.computeIfAbsent(g.get("metric").asText(), k -> new Tally()).fn++;
                    System.out.println("   MISSED: " + g);
                }
            }
        }
        System.out.println("SEED SCORE overall: " + overall);
        perMetric.forEach((m, t) -> System.out.println("SEED SCORE " + m + ": " + t));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(overall.recall() >= 0.9, "recall " + overall);
        assertTrue(overall.precision() >= 0.9, "precision " + overall);
    }

    private static boolean matches(JsonNode gold, ExtractedFact f) {
        if (!gold.get("metric").asText().equals(f.metric())) return false;
        BigDecimal g = gold.get("value").decimalValue();
        BigDecimal diff = g.subtract(f.value()).abs();
        if (diff.compareTo(g.abs().multiply(new BigDecimal("0.005"))) > 0) return false;
        return partyAgrees(gold.get("donor").asText(), f.donor()) && partyAgrees(gold.get("recipient").asText(), f.recipient());
    }

    /** Same region, or one of them inside the other (a province agrees with its cities and counties). */
    private static boolean partyAgrees(String goldName, Party party) {
        if (party.code() == null) return goldName.equalsIgnoreCase(party.name());
        Optional<Region> extracted = GAZETTEER.byCode(party.code());
        if (extracted.isEmpty()) return false;
        for (Region g : GAZETTEER.english(Gazetteer.key(goldName))) {
            if (GAZETTEER.within(extracted.get(), g) || GAZETTEER.within(g, extracted.get())) return true;
        }
        return false;
    }

    private static String digitsOf(String s) { return s.replaceAll("[^0-9]", ""); }

    private static LocalDate parseDate(String s) {
        if (s == null) return null;
        try { return LocalDate.parse(s); } catch (RuntimeException e) { return null; }
    }

    static String describe(ExtractedFact f) {
        return String.format("%s=%s %s [%s] %s %s %s..%s asOf=%s %s -> %s %s", f.metric(), f.value().toPlainString(), f.unit(),
                f.asWritten(), f.qualifier().wireName(), f.basis().wireName(), f.periodStart(), f.periodEnd(), f.asOf(),
                f.donor().name(), f.recipient().name(), f.alsoStated().isEmpty() ? "" : f.alsoStated());
    }

    /** Walks up from the working directory to a folder with a sibling "shared" holding gold/seeds.json. */
    static Path findShared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isRegularFile(candidate.resolve("gold/seeds.json"))) return candidate;
        }
        return null;
    }
}
