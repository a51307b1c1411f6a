package org.counterpart.facts.extraction.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The score of a whole labelled set: overall, per language and per metric, with party agreement (of the facts whose
 * metric and value match a label, the share whose parties agree too) and every forbidden figure extracted.
 */
public final class ScoreCard {
    private final List<ReportScore> reports = new ArrayList<>();
    private final Tally overall = new Tally();
    private final Map<String, Tally> perLanguage = new TreeMap<>();
    private final Map<String, Tally> perMetric = new TreeMap<>();
    private int partiesAgreed, partiesDisagreed;

    /** Scores every report of the set whose text is in {@code texts}; a missing text is an error. */
    public static ScoreCard of(Scorer scorer, List<GoldReport> gold, Path texts) throws IOException {
        ScoreCard card = new ScoreCard();
        for (GoldReport r : gold) {
            String text = Files.readString(texts.resolve(r.file()), StandardCharsets.UTF_8);
            card.add(scorer.score(r, text));
        }
        return card;
    }

    public void add(ReportScore score) {
        reports.add(score);
        Tally report = new Tally();
        score.perMetric().forEach((metric, t) -> {
            perMetric.computeIfAbsent(metric, k -> new Tally()).add(t);
            report.add(t);
        });
        overall.add(report);
        perLanguage.computeIfAbsent(score.report().language(), k -> new Tally()).add(report);
        partiesAgreed += score.partiesAgreed();
        partiesDisagreed += score.partyMismatches().size();
    }

    public Tally overall() { return overall; }

    public Tally language(String language) { return perLanguage.getOrDefault(language, new Tally()); }

    public Map<String, Tally> perMetric() { return perMetric; }

    public List<ReportScore> reports() { return reports; }

    /** Of the facts whose metric and value match a label, the share whose parties agree as well. */
    public double partyAgreement() {
        int all = partiesAgreed + partiesDisagreed;
        return all == 0 ? 1.0 : partiesAgreed / (double) all;
    }

    public List<String> forbidden() {
        List<String> out = new ArrayList<>();
        for (ReportScore r : reports) r.forbidden().forEach(f -> out.add(r.report().file() + ": " + f));
        return out;
    }

    /** Every report's misses, extras, party mismatches and forbidden figures, then the summary. */
    public void print(PrintStream out, boolean details) {
        if (details) {
            for (ReportScore r : reports) {
                out.println("== " + r.report().file() + ": " + r.extracted().size() + " facts, " + r.misses().size()
                        + " missed, " + r.extras().size() + " extra, " + r.partyMismatches().size() + " party mismatches");
                r.misses().forEach(g -> out.println("   MISSED: " + Describe.gold(g)));
                r.extras().forEach(f -> out.println("   EXTRA: " + Describe.fact(f) + "  \"" + r.evidenceOf(f) + "\""));
                r.partyMismatches().forEach(m -> out.println("   PARTIES: " + Describe.fact(m.extracted()) + "  labelled "
                        + Describe.party(m.gold().donor()) + " -> " + Describe.party(m.gold().recipient())));
                r.forbidden().forEach(f -> out.println("   FORBIDDEN: " + f));
            }
        }
        out.println(summary());
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("SCORE overall: ").append(overall).append('\n');
        perLanguage.forEach((l, t) -> s.append("SCORE ").append(l).append(": ").append(t).append('\n'));
        perMetric.forEach((m, t) -> s.append("SCORE ").append(m).append(": ").append(t).append('\n'));
        s.append(String.format(Locale.ROOT, "SCORE parties: %.3f (%d agree, %d disagree)%n", partyAgreement(),
                partiesAgreed, partiesDisagreed));
        s.append("SCORE forbidden: ").append(forbidden().size());
        return s.toString();
    }
}
