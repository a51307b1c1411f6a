package org.counterpart.facts.extraction.evaluation;

import org.counterpart.facts.extraction.fact.ExtractedFact;

import java.util.List;
import java.util.Map;

/**
 * How the extraction of one labelled report compares with its labels: matched facts, misses (required labels no
 * fact matched), extras (facts no label matched), party mismatches (a fact with a labelled metric and value but
 * other parties), forbidden figures extracted, and the tallies per metric.
 */
public record ReportScore(GoldReport report, List<ExtractedFact> extracted, List<GoldFact> misses,
                          List<ExtractedFact> extras, List<PartyMismatch> partyMismatches, List<String> forbidden,
                          int partiesAgreed, Map<String, Tally> perMetric) {

    /** The evidence of a fact, cut to 160 characters around its figure for listings. */
    public String evidenceOf(ExtractedFact f) {
        String sentence = f.evidence().sentence();
        int at = Math.max(0, f.evidence().figureStart() - f.evidence().start());
        int from = Math.max(0, at - 100), to = Math.min(sentence.length(), at + 60);
        return sentence.substring(Math.min(from, to), to).replace('\n', ' ');
    }

    /** A fact whose metric and value match a label while its donor or recipient does not. */
    public record PartyMismatch(GoldFact gold, ExtractedFact extracted) {}
}
