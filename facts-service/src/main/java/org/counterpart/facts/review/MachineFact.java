package org.counterpart.facts.review;

import java.util.Objects;
import java.util.UUID;

/** A fact of a new extraction as the anchoring rules see it: its id, where it is, and what the machine read. */
public record MachineFact(UUID factId, Anchor anchor, Reading reading) {

    public MachineFact {
        Objects.requireNonNull(factId, "factId");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(reading, "reading");
    }
}
