package org.counterpart.facts.review;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One analyst's verdict on the fact at an anchor. {@code seen} is the machine's reading the analyst had in front of
 * them, kept so that a later extraction can tell whether a confirmation still covers what the machine reads.
 * {@code factOrigin} says whether the reviewed fact came from an extractor or was added by an analyst: only the
 * former is replaced when a report is extracted again.
 */
public record Review(UUID id, Anchor anchor, Origin factOrigin, ReviewAction action, Reading seen, String by,
                     Instant at) {

    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(factOrigin, "factOrigin");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
