package org.counterpart.metrics.totals;

import java.math.BigDecimal;

public final class Numbers {

    private Numbers() {
    }

    /** 487000000.00 and 4.87E+8 are the same number; show it as 487000000. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
