package org.counterpart.metrics.totals;

import java.util.Objects;

/** Who helped whom: the report's own words decide the direction. */
public record Pair(Party donor, Party recipient) {

    public Pair {
        Objects.requireNonNull(donor, "donor");
        Objects.requireNonNull(recipient, "recipient");
    }

    /**
     * The level of the pair: the lower of its sides' levels (Shenzhen -> Guangxi is a prefecture pair), or
     * "group" when neither side is a region of known level.
     */
    public String level() {
        return java.util.stream.Stream.of(donor, recipient)
                .map(Regions::levelOf)
                .flatMap(java.util.Optional::stream)
                .max(java.util.Comparator.naturalOrder())
                .map(Level::code)
                .orElse("group");
    }

    /** Pairs are the same when both parties are, however each report spelled their names. */
    public String identity() {
        return donor.identity() + " -> " + recipient.identity();
    }
}
