package org.counterpart.facts.extraction.period;

import org.counterpart.facts.extraction.fact.Basis;

import java.time.LocalDate;

/** When a figure holds: its basis and, as far as the text tells, period start/end or as-of date. */
public record TimeFrame(Basis basis, LocalDate start, LocalDate end, LocalDate asOf) {
    /** The year the figure refers to, for choosing the pairing regime; null when unknown. */
    public Integer referenceYear() {
        if (end != null) return end.getYear();
        if (asOf != null) return asOf.getYear();
        if (start != null) return start.getYear();
        return null;
    }
}
