package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.ExtractedFact;

/**
 * A fact found while reading a report, before repeated statements are folded: the fact and, for a part of a
 * stated total, the finding of its whole.
 */
final class Finding {
    private final ExtractedFact fact;
    private final Finding whole;

    Finding(ExtractedFact fact, Finding whole) {
        this.fact = fact;
        this.whole = whole;
    }

    ExtractedFact fact() { return fact; }

    Finding whole() { return whole; }
}
