package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of a figure a person has checked: the share (0 to 1) of its value that comes from claims a reviewer
 * confirmed or corrected. Computed over the claims the figure actually adds up, so it follows every rule the
 * figure follows (restatements once, overlapping spans, a parent's own claims or its child pairs, parts).
 */
public final class ReviewedShare {

    /** Three decimals: a tenth of a percent is finer than any reader needs. */
    static final int DECIMALS = 3;

    private ReviewedShare() {
    }

    /**
     * @param reviewed the part of {@code total} from reviewed claims
     * @return the share, rounded down so that it never claims more checking than was done (1 only when everything
     * was checked); 0 for a total of 0, of which nothing remains to check
     */
    public static BigDecimal of(BigDecimal reviewed, BigDecimal total) {
        if (total.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return Numbers.plain(reviewed.divide(total, DECIMALS, RoundingMode.DOWN));
    }
}
