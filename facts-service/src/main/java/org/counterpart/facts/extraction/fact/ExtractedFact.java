package org.counterpart.facts.extraction.fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One cooperation figure as a report states it. {@code alsoStated} holds the same figure in other units
 * stated alongside it (e.g. "usd" for a bracketed US-dollar conversion); it is never a second fact.
 * {@code partOf} is the index, in the same extraction's list, of the total this figure is a part of
 * ("3.04 billion yuan, including 1.93 billion …"): a part is a fact of its own that is never added to its whole.
 * {@code reasons} are short codes saying why the confidence is not high (e.g. {@code party_from_context}).
 */
public record ExtractedFact(String metric, BigDecimal value, String unit, String asWritten,
                            Qualifier qualifier, Basis basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                            Party donor, Party recipient, Evidence evidence, Map<String, BigDecimal> alsoStated,
                            Confidence confidence, List<String> reasons, Integer partOf) {
    public ExtractedFact {
        alsoStated = alsoStated == null ? Map.of() : Map.copyOf(alsoStated);
        confidence = confidence == null ? Confidence.HIGH : confidence;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public ExtractedFact withPartOf(Integer whole) {
        return new ExtractedFact(metric, value, unit, asWritten, qualifier, basis, periodStart, periodEnd, asOf,
                donor, recipient, evidence, alsoStated, confidence, reasons, whole);
    }
}
