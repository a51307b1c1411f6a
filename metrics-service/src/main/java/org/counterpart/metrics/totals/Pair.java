package org.counterpart.metrics.totals;

import java.util.Objects;

/** Who helped whom: the report's own words decide the direction. */
public record Pair(Party donor, Party recipient) {

    public Pair {
        Objects.requireNonNull(donor, "donor");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** Pairs are the same when both parties are, however each report spelled their names. */
    public String identity() {
        return donor.identity() + " -> " + recipient.identity();
    }
}
