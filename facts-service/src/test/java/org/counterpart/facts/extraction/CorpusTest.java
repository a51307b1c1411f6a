package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.fact.ReportText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.facts.extraction.metric.Metric;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Scores the extractor on the project's own corpus (src/test/resources/corpus: 45 short English and Chinese
 * reports written for it, one per pitfall of docs/domain.md and more, with the facts an analyst would record).
 * A match needs everything the expectation states: metric, value within 0.5%, the same donor and recipient
 * (exact code, or a group's name), qualifier, basis, unit, and period/as-of dates and a USD conversion where
 * given; confidence where given; a part of a stated total ("partOfValue") must point at a whole of that value, any other fact at none. Prints precision/recall/F1 per metric and overall.
 */
class CorpusTest {
    private static final Extractor EXTRACTOR = Extractor.standard();
    private static final Map<String, String> DEFAULT_UNIT = new HashMap<>();
    static {
        for (Metric m : Metric.values()) DEFAULT_UNIT.put(m.code(), m.unit());
    }

    /** Tally of true positives, false positives and false negatives. */
    static final class Tally {
        int tp, fp, fn;
        double precision() { return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp); }
        double recall() { return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn); }
        double f1() { double p = precision(), r = recall(); return p + r == 0 ? 0 : 2 * p * r / (p + r); }
        @Override public String toString() {
            return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", precision(), recall(), f1(), tp, fp, fn);
        }
    }

    @Test
    void corpusScoresAtLeastNinetyPercentWithNoForbiddenFacts() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(resource("expected.json"));
        Tally overall = new Tally();
        Map<String, Tally> perMetric = new TreeMap<>();
        List<String> forbidden = new ArrayList<>();
        int reports = 0, chinese = 0;

        for (JsonNode report : expected.get("reports")) {
            reports++;
            if ("zh".equals(report.get("language").asText())) chinese++;
            String file = report.get("file").asText();
            String text = new String(resource(file).readAllBytes(), StandardCharsets.UTF_8);
            List<ExtractedFact> facts = EXTRACTOR.extract(new ReportText(text, report.path("title").asText(null),
                    report.get("language").asText(), date(report.path("published"))));
            System.out.println("== " + file + ": " + facts.size() + " facts");

            for (JsonNode bad : report.path("mustNotExtract")) {
                for (ExtractedFact f : facts) {
                    if (f.asWritten().contains(bad.asText()) || bad.asText().contains(f.asWritten())) {
                        forbidden.add(file + ": extracted forbidden '" + bad.asText() + "' as " + org.counterpart.facts.extraction.evaluation.Describe.fact(f));
                    }
                }
            }
            List<JsonNode> golds = new ArrayList<>();
            report.get("facts").forEach(golds::add);
            boolean[] used = new boolean[golds.size()];
            for (ExtractedFact f : facts) {
                int hit = -1;
                for (int i = 0; i < golds.size() && hit < 0; i++) if (!used[i] && matches(golds.get(i), f, facts)) hit = i;
                Tally t = perMetric.computeIfAbsent(f.metric(), k -> new Tally());
                if (hit >= 0) {
                    used[hit] = true; overall.tp++; t.tp++;
                    System.out.println("   ok  " + org.counterpart.facts.extraction.evaluation.Describe.fact(f));
                } else {
                    overall.fp++; t.fp++;
                    System.out.println("   FALSE POSITIVE: " + org.counterpart.facts.extraction.evaluation.Describe.fact(f) + " " + f.donor().code() + "->" + f.recipient().code());
                }
            }
            for (int i = 0; i < golds.size(); i++) {
                if (used[i]) continue;
                overall.fn++;
                perMetric.computeIfAbsent(golds.get(i).get("metric").asText(), k -> new Tally()).fn++;
                System.out.println("   MISSED: " + golds.get(i));
            }
        }
        System.out.println("CORPUS " + reports + " reports (" + chinese + " Chinese)");
        System.out.println("CORPUS SCORE overall: " + overall);
        perMetric.forEach((m, t) -> System.out.println("CORPUS SCORE " + m + ": " + t));
        forbidden.forEach(System.out::println);

        assertTrue(reports >= 60 && chinese >= 25, "corpus too small");
        assertTrue(forbidden.isEmpty(), String.join("\n", forbidden));
        assertTrue(overall.precision() >= 0.9, "precision " + overall);
        assertTrue(overall.recall() >= 0.9, "recall " + overall);
    }

    static boolean matches(JsonNode gold, ExtractedFact f, List<ExtractedFact> all) {
        // a part of a stated total points at its whole; any other fact points at nothing
        if (gold.has("partOfValue")) {
            if (f.partOf() == null || all.get(f.partOf()).value().compareTo(gold.get("partOfValue").decimalValue()) != 0) return false;
        } else if (f.partOf() != null) {
            return false;
        }
        if (!gold.get("metric").asText().equals(f.metric())) return false;
        BigDecimal g = gold.get("value").decimalValue();
        if (g.subtract(f.value()).abs().compareTo(g.abs().multiply(new BigDecimal("0.005"))) > 0) return false;
        if (!party(gold.get("donor").asText(), f.donor()) || !party(gold.get("recipient").asText(), f.recipient())) return false;
        if (!gold.get("qualifier").asText().equals(f.qualifier().wireName())) return false;
        if (gold.has("confidence") && !gold.get("confidence").asText().equals(f.confidence().wireName())) return false;
        if (!gold.get("basis").asText().equals(f.basis().wireName())) return false;
        String unit = gold.has("unit") ? gold.get("unit").asText() : DEFAULT_UNIT.get(f.metric());
        if (!unit.equals(f.unit())) return false;
        if (gold.has("periodStart") && !date(gold.get("periodStart")).equals(f.periodStart())) return false;
        if (gold.has("periodEnd") && !date(gold.get("periodEnd")).equals(f.periodEnd())) return false;
        if (gold.has("asOf") && !date(gold.get("asOf")).equals(f.asOf())) return false;
        if (gold.has("usd")) {
            BigDecimal usd = f.alsoStated().get("usd");
            if (usd == null || usd.compareTo(gold.get("usd").decimalValue()) != 0) return false;
        }
        return true;
    }

    /** A code names a region exactly; codes joined by "+" a group with exactly those members; anything else a group's name. */
    private static boolean party(String expected, Party p) {
        if (expected.matches("\\d{6}(?:\\+\\d{6})+")) {
            if (!p.isGroup()) return false;
            Set<String> codes = new HashSet<>(Arrays.asList(expected.split("\\+")));
            Set<String> members = new HashSet<>();
            p.members().forEach(m -> members.add(m.code()));
            return codes.equals(members);
        }
        return expected.chars().allMatch(Character::isDigit) ? expected.equals(p.code()) : expected.equalsIgnoreCase(p.name());
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : LocalDate.parse(n.asText());
    }

    static InputStream resource(String name) {
        InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + name);
        if (in == null) throw new IllegalStateException("missing corpus resource " + name);
        return in;
    }
}
