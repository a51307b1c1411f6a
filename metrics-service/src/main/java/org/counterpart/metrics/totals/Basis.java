package org.counterpart.metrics.totals;

import java.util.Locale;

/** How a figure relates to time. */
public enum Basis {
    /** A running figure up to an as-of date ("so far", "since 2016"). */
    CUMULATIVE,
    /** Within a stated period ("in 2011", "from 2016 to 2019"). */
    PERIOD,
    /** Budgeted or future: kept apart and never added to actuals. */
    PLAN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire code; unknown codes are refused so that a contract change is noticed, not guessed. */
    public static Basis fromCode(String code) {
        for (Basis basis : values()) {
            if (basis.code().equals(code)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("Unknown basis: " + code);
    }
}
