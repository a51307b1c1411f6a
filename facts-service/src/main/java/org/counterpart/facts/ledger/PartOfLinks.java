package org.counterpart.facts.ledger;

import java.util.List;

import org.counterpart.facts.extraction.fact.ExtractedFact;

/**
 * The part-of links of one extraction must each lead, in a few steps, to a whole that is a part of nothing: a link
 * to a fact that is not there, or a circle, would leave a part that a subscriber might add to its total.
 */
final class PartOfLinks {

    private PartOfLinks() {
    }

    static void check(List<ExtractedFact> extracted) {
        int n = extracted.size();
        for (int i = 0; i < n; i++) {
            int at = i;
            // a chain longer than the list has come round to a fact it already passed
            for (int steps = 0; extracted.get(at).partOf() != null; steps++) {
                int whole = extracted.get(at).partOf();
                if (whole < 0 || whole >= n) {
                    throw new IllegalArgumentException("fact " + at + " is a part of fact " + whole
                            + ", but the extraction holds " + n + " facts");
                }
                if (steps >= n) {
                    throw new IllegalArgumentException("fact " + i + " is a part of a circle of facts");
                }
                at = whole;
            }
        }
    }
}
