package org.counterpart.metrics.totals;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Who helped whom: the report's own words decide the direction. */
public record Pair(Party donor, Party recipient) {

    public Pair {
        Objects.requireNonNull(donor, "donor");
        Objects.requireNonNull(recipient, "recipient");
    }

    /**
     * The level of the pair: "group" when either side is a group; else the lower of its sides' levels
     * (Shenzhen -> Guangxi is a prefecture pair), or "group" when neither side is a region of known level.
     */
    public String level() {
        if (hasGroupSide()) {
            return Party.GROUP;
        }
        return Stream.of(donor, recipient)
                .map(Regions::levelOf)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .map(Level::code)
                .orElse(Party.GROUP);
    }

    public boolean hasGroupSide() {
        return donor.isGroup() || recipient.isGroup();
    }

    /** Pairs are the same when both parties are, however each report spelled their names. */
    public String identity() {
        return donor.identity() + " -> " + recipient.identity();
    }

    /**
     * True when this pair's work includes all of {@code other}'s: each side covers the other's side. A pair with a
     * group of unknown members on a side covers only itself: nobody can say whose work its figures hold, so it
     * stands alone at the top.
     */
    public boolean covers(Pair other) {
        if (hasGroupOfUnknownMembers() || other.hasGroupOfUnknownMembers()) {
            return identity().equals(other.identity());
        }
        return donor.covers(other.donor) && recipient.covers(other.recipient);
    }

    private boolean hasGroupOfUnknownMembers() {
        return donor.regions().isEmpty() || recipient.regions().isEmpty();
    }

    /** Covers it and is more: a pair can only roll up into a pair that strictly covers it, so there are no cycles. */
    public boolean strictlyCovers(Pair other) {
        return covers(other) && !other.covers(this);
    }

    /** How many regions the pair's sides name in all; a measure of its size when choosing the nearest parent. */
    int regionCount() {
        return donor.regions().size() + recipient.regions().size();
    }
}
