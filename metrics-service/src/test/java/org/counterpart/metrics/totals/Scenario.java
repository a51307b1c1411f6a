package org.counterpart.metrics.totals;

import java.util.List;

/** Picks one total out of a calculation, for scenario tests. */
final class Scenario {

    private Scenario() {
    }

    static Total totalOf(List<Total> totals, String donor, String recipient, String metric) {
        return totals.stream()
                .filter(t -> t.pair().donor().name().equals(donor) && t.pair().recipient().name().equals(recipient)
                        && t.metric().equals(metric))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no total " + donor + " -> " + recipient + " " + metric + " in " + totals));
    }
}
