package org.counterpart.metrics.totals;

import java.time.LocalDate;

/**
 * The time a claim covers (DOMAIN rule 3). Kept on every claim now so that choosing non-overlapping claims
 * (weighted interval scheduling) can be added without touching how claims are built.
 *
 * @param start first day covered, or null for "from the beginning" (a cumulative figure with no start)
 * @param end   last day covered, or null when the report does not say
 */
public record Span(LocalDate start, LocalDate end) {

    /** True when the two spans share at least one day; an open start reaches back to the beginning. */
    public boolean overlaps(Span other) {
        boolean thisStartsBeforeOtherEnds = start == null || other.end == null || !start.isAfter(other.end);
        boolean otherStartsBeforeThisEnds = other.start == null || end == null || !other.start.isAfter(end);
        return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
}
