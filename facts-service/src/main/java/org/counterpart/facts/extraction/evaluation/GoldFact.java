package org.counterpart.facts.extraction.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A hand-labelled fact. {@code metrics} holds the labelled metric first and any alternative the labeller accepted.
 * An optional fact is neither required nor a false positive when extracted.
 */
public record GoldFact(String label, List<String> metrics, BigDecimal value, GoldParty donor, GoldParty recipient,
                       boolean optional, String evidence) {
    public String metric() { return metrics.get(0); }
}
