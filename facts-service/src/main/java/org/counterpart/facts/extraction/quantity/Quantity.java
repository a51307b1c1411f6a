package org.counterpart.facts.extraction.quantity;

import org.counterpart.facts.extraction.fact.Qualifier;

import java.math.BigDecimal;

/**
 * A figure found in a sentence: normalised value, what it counts (money in yuan or US dollars, or a count),
 * the Chinese classifier after it if any (人, 个, 项 …), qualifier, the text as written and its span
 * [start, end) in the sentence. {@code usd} is a bracketed US-dollar conversion stated with a yuan amount.
 */
public record Quantity(int start, int end, BigDecimal value, Kind kind, String classifier, boolean personTimes,
                       Qualifier qualifier, String asWritten, BigDecimal usd, boolean spelledOut) {
    public enum Kind { CNY, USD, COUNT }

    public boolean isMoney() { return kind != Kind.COUNT; }

    Quantity withUsd(BigDecimal usdValue, int newEnd, String newAsWritten) {
        return new Quantity(start, newEnd, value, kind, classifier, personTimes, qualifier, newAsWritten, usdValue, spelledOut);
    }

    Quantity withQualifier(Qualifier q) {
        return new Quantity(start, end, value, kind, classifier, personTimes, q, asWritten, usd, spelledOut);
    }
}
