package org.counterpart.metrics.totals;

import java.util.Locale;

/** Where a fact stands with the analysts who check the machine's readings. */
public enum ReviewStatus {
    /** Nobody has looked yet, or the machine's reading changed since a person confirmed it. */
    UNREVIEWED,
    /** A person checked the machine's reading against the report and found it right. */
    CONFIRMED,
    /** A person put right what the machine read; the fact states the corrected values. */
    CORRECTED,
    /** A person found the figure is no fact of East-West collaboration (or no figure at all): it never counts. */
    REJECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire code; unknown codes are refused so that a contract change is noticed, not guessed. */
    public static ReviewStatus fromCode(String code) {
        for (ReviewStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown review status: " + code);
    }
}
