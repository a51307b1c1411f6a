package org.counterpart.metrics.totals;

import java.time.LocalDate;

/**
 * The time a claim covers (DOMAIN rule 3).
 *
 * @param start first day covered, or null for "from the beginning" (a cumulative figure with no start, or a
 *              claim with no dates at all)
 * @param end   last day covered, or null when the report does not say: the span then reaches to the end of time,
 *              because a figure with no end date may include anything after its start
 */
public record Span(LocalDate start, LocalDate end) {

    /** The span of a claim that states no date at all; see {@link Claim#span()} for why it covers everything. */
    public static final Span UNDATED = new Span(null, null);

    /** First day covered, with "from the beginning" as the earliest date there is, so that spans can be sorted. */
    public LocalDate from() {
        return start == null ? LocalDate.MIN : start;
    }

    /** Last day covered, with "not said" as the latest date there is. */
    public LocalDate to() {
        return end == null ? LocalDate.MAX : end;
    }

    public boolean isUndated() {
        return start == null && end == null;
    }

    /** True when the two spans share at least one day; an open start reaches back to the beginning. */
    public boolean overlaps(Span other) {
        return !from().isAfter(other.to()) && !other.from().isAfter(to());
    }

    /** True when the whole span lies within the given days (either bound may be null: no limit on that side). */
    public boolean within(LocalDate first, LocalDate last) {
        return (first == null || (start != null && !start.isBefore(first)))
                && (last == null || (end != null && !end.isAfter(last)));
    }

    /** The calendar year the span lies in, or -1 when it is open or crosses a year boundary. */
    public int singleYear() {
        if (start == null || end == null || start.getYear() != end.getYear()) {
            return -1;
        }
        return start.getYear();
    }
}
