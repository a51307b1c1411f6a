package org.counterpart.facts.extraction.evaluation;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.fact.ReportText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the extractor on labelled reports. A fact matches a label with the same metric (or one of the label's
 * alternatives), a value within 0.5% and agreeing parties ({@link PartyAgreement}); each label is matched once.
 * Optional labels count neither way. A fact whose figure overlaps a must-not-extract phrase in the text is forbidden.
 */
public final class Scorer {
    private static final BigDecimal TOLERANCE = new BigDecimal("0.005");

    private final Extractor extractor;
    private final PartyAgreement parties;

    public Scorer(Extractor extractor) {
        this.extractor = extractor;
        this.parties = new PartyAgreement(extractor.gazetteer());
    }

    public ReportScore score(GoldReport report, String text) {
        List<ExtractedFact> facts = extractor.extract(new ReportText(text, null, report.language(), report.published()));
        List<GoldFact> golds = report.facts();
        boolean[] used = new boolean[golds.size()];
        Map<String, Tally> perMetric = new TreeMap<>();
        List<ExtractedFact> unmatched = new ArrayList<>();
        for (ExtractedFact f : facts) {
            int hit = find(golds, used, f, true);
            Tally t = perMetric.computeIfAbsent(f.metric(), k -> new Tally());
            if (hit >= 0) {
                used[hit] = true;
                if (!golds.get(hit).optional()) t.tp++;
            } else {
                unmatched.add(f);
            }
        }
        // what is left: a fact with a labelled figure but other parties is a party mismatch (and still wrong)
        List<ReportScore.PartyMismatch> mismatches = new ArrayList<>();
        List<ExtractedFact> extras = new ArrayList<>();
        for (ExtractedFact f : unmatched) {
            int near = find(golds, used, f, false);
            if (near >= 0) {
                used[near] = true;
                mismatches.add(new ReportScore.PartyMismatch(golds.get(near), f));
                if (!golds.get(near).optional()) perMetric.computeIfAbsent(golds.get(near).metric(), k -> new Tally()).fn++;
            } else {
                extras.add(f);
            }
            perMetric.computeIfAbsent(f.metric(), k -> new Tally()).fp++;
        }
        List<GoldFact> misses = new ArrayList<>();
        for (int i = 0; i < golds.size(); i++) {
            if (!used[i] && !golds.get(i).optional()) {
                misses.add(golds.get(i));
                perMetric.computeIfAbsent(golds.get(i).metric(), k -> new Tally()).fn++;
            }
        }
        int agreed = facts.size() - unmatched.size();
        return new ReportScore(report, facts, misses, extras, mismatches, forbidden(report, text, facts), agreed, perMetric);
    }

    private int find(List<GoldFact> golds, boolean[] used, ExtractedFact f, boolean withParties) {
        for (int i = 0; i < golds.size(); i++) {
            if (used[i]) continue;
            GoldFact g = golds.get(i);
            if (!g.metrics().contains(f.metric()) || !close(g.value(), f.value())) continue;
            if (!withParties || parties.agrees(g.donor(), f.donor()) && parties.agrees(g.recipient(), f.recipient())) return i;
        }
        return -1;
    }

    private static boolean close(BigDecimal gold, BigDecimal value) {
        return gold.subtract(value).abs().compareTo(gold.abs().multiply(TOLERANCE)) <= 0;
    }

    /**
     * Must-not-extract phrases that a fact's figure lies in. Where the phrase is found in the text, the figure must
     * begin inside one of its occurrences; otherwise (the phrase was retyped) the figure as written is compared.
     */
    static List<String> forbidden(GoldReport report, String text, List<ExtractedFact> facts) {
        List<String> out = new ArrayList<>();
        for (String bad : report.mustNotExtract()) {
            String badDigits = digits(bad);
            for (ExtractedFact f : facts) {
                String written = f.asWritten() == null ? "" : f.asWritten();
                boolean hit;
                if (text.contains(bad)) {
                    hit = false;
                    for (int at = text.indexOf(bad); at >= 0 && !hit; at = text.indexOf(bad, at + 1)) {
                        // the figure begins inside the phrase (a bracketed conversion after a figure is not the figure)
                        hit = at <= f.evidence().figureStart() && f.evidence().figureStart() < at + bad.length();
                    }
                } else {
                    hit = written.contains(bad) || bad.contains(written) && !digits(written).isEmpty() && badDigits.equals(digits(written));
                }
                if (hit) out.add("'" + bad + "' as " + Describe.fact(f));
            }
        }
        return out;
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }
}
