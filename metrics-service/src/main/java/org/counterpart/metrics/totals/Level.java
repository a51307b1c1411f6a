package org.counterpart.metrics.totals;

import java.util.Locale;
import java.util.Optional;

/** Administrative level of a region, from the top down; a named group has none. */
public enum Level {
    PROVINCE,
    PREFECTURE,
    COUNTY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Level level : values()) {
            if (level.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /**
     * The level a GB/T 2260 code denotes: "440000" a province, "440300" a prefecture, "440305" a county.
     * Empty for anything that is not a six-digit code.
     */
    public static Optional<Level> ofAdministrativeCode(String code) {
        if (code == null || !code.trim().matches("\\d{6}")) {
            return Optional.empty();
        }
        String digits = code.trim();
        if (digits.endsWith("0000")) {
            return Optional.of(PROVINCE);
        }
        return Optional.of(digits.endsWith("00") ? PREFECTURE : COUNTY);
    }
}
