package org.counterpart.facts.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One cooperation figure as a report states it. {@code alsoStated} holds the same figure in other units
 * stated alongside it (e.g. "usd" for a bracketed US-dollar conversion); it is never a second fact.
 */
public record ExtractedFact(String metric, BigDecimal value, String unit, String asWritten,
                            Qualifier qualifier, Basis basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                            Party donor, Party recipient, Evidence evidence, Map<String, BigDecimal> alsoStated) {
    public ExtractedFact {
        alsoStated = alsoStated == null ? Map.of() : Map.copyOf(alsoStated);
    }
}
