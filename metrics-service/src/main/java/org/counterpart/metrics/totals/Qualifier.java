package org.counterpart.metrics.totals;

import java.util.Locale;

/** How precisely a report states its figure. Declared from most to least precise. */
public enum Qualifier {
    EXACT,
    /** about, nearly, 约, 近 */
    APPROXIMATE,
    /** more than, over, 超过, 余, 多: a lower bound */
    AT_LEAST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Qualifier fromCode(String code) {
        for (Qualifier qualifier : values()) {
            if (qualifier.code().equals(code)) {
                return qualifier;
            }
        }
        throw new IllegalArgumentException("Unknown qualifier: " + code);
    }
}
