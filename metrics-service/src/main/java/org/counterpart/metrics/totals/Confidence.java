package org.counterpart.metrics.totals;

import java.util.Locale;

/** How far a fact can be trusted without a person checking it. Declared from most to least trusted. */
public enum Confidence {
    HIGH,
    MEDIUM,
    LOW;

    /** Totals count high and medium facts unless a reader asks for the low ones too. */
    public static final Confidence COUNTED_BY_DEFAULT = MEDIUM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire code; unknown codes are refused so that a contract change is noticed, not guessed. */
    public static Confidence fromCode(String code) {
        for (Confidence confidence : values()) {
            if (confidence.code().equals(code)) {
                return confidence;
            }
        }
        throw new IllegalArgumentException("Unknown confidence: " + code);
    }

    /** True when this is as trusted as {@code least} or more. */
    public boolean reaches(Confidence least) {
        return ordinal() <= least.ordinal();
    }
}
