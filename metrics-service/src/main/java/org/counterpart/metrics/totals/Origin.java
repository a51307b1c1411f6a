package org.counterpart.metrics.totals;

import java.util.Locale;

/** Who put a fact there: an extractor, or an analyst who added a figure the machine missed. */
public enum Origin {
    MACHINE,
    ANALYST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire code; unknown codes are refused so that a contract change is noticed, not guessed. */
    public static Origin fromCode(String code) {
        for (Origin origin : values()) {
            if (origin.code().equals(code)) {
                return origin;
            }
        }
        throw new IllegalArgumentException("Unknown origin: " + code);
    }
}
