package org.counterpart.facts.review;

import java.util.Objects;
import java.util.Optional;

/** A fact of a new extraction with the review that now stands for it, if any. */
public record ReviewedFact(MachineFact fact, ReviewStatus status, Optional<Review> review) {

    public ReviewedFact {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(review, "review");
        if (review.isEmpty() != (status == ReviewStatus.UNREVIEWED)) {
            throw new IllegalArgumentException("a fact is unreviewed exactly when no review stands for it");
        }
    }
}
