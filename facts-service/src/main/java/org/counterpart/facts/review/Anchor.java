package org.counterpart.facts.review;

import java.util.Objects;
import java.util.UUID;

import org.counterpart.facts.extraction.fact.ExtractedFact;

/**
 * Where a review holds: the figure's place in the report's text and the metric it was read as. Fact ids change with
 * every extraction; a report's stored text never does, so the figure's offsets name the same figure across extractor
 * versions. The metric is part of it because one figure can be read as two facts (or, by a new extractor, as a
 * different metric), and a verdict on one reading says nothing about another.
 */
public record Anchor(UUID reportId, int figureStart, int figureEnd, String metric) {

    public Anchor {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(metric, "metric");
        if (figureStart < 0 || figureEnd <= figureStart) {
            throw new IllegalArgumentException("a figure spans [start, end) with 0 <= start < end, not ["
                    + figureStart + ", " + figureEnd + ")");
        }
    }

    public static Anchor of(UUID reportId, ExtractedFact fact) {
        return new Anchor(reportId, fact.evidence().figureStart(), fact.evidence().figureEnd(), fact.metric());
    }
}
