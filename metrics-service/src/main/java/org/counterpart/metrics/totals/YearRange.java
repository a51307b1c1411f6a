package org.counterpart.metrics.totals;

import java.time.LocalDate;

/**
 * Limits totals to claims about a range of calendar years. A claim counts only when its whole span lies within
 * the range: a cumulative figure "since 2016" cannot be cut into years, so it is left out of 2019 alone, and a
 * claim with no dates is left out whenever a range is asked for.
 *
 * @param from first year, or null for no lower limit
 * @param to   last year, or null for no upper limit
 */
public record YearRange(Integer from, Integer to) {

    public static final YearRange ALL = new YearRange(null, null);

    public static YearRange single(int year) {
        return new YearRange(year, year);
    }

    public boolean isAll() {
        return from == null && to == null;
    }

    public boolean contains(Claim claim) {
        return isAll() || claim.span().within(
                from == null ? null : LocalDate.of(from, 1, 1),
                to == null ? null : LocalDate.of(to, 12, 31));
    }
}
