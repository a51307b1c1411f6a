package org.counterpart.metrics.totals;

import java.util.Objects;

/**
 * Which current claims a calculation takes in: those lying within the years, stated with at least the given
 * confidence.
 */
public record ClaimScope(YearRange years, Confidence least) {

    public static final ClaimScope DEFAULT = new ClaimScope(YearRange.ALL, Confidence.COUNTED_BY_DEFAULT);

    public ClaimScope {
        Objects.requireNonNull(years, "years");
        Objects.requireNonNull(least, "least");
    }

    public boolean includes(Claim claim) {
        return claim.confidence().reaches(least) && years.contains(claim);
    }
}
