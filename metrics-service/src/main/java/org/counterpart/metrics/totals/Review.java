package org.counterpart.metrics.totals;

import java.time.Instant;
import java.util.Objects;

/**
 * What a person made of a fact, as facts-service last published it.
 *
 * @param status  the latest verdict
 * @param changed a confirmation that the machine's new reading no longer matches: it is back in the queue
 * @param by      who gave the verdict; null when nobody did
 * @param at      when; null when nobody did
 */
public record Review(ReviewStatus status, boolean changed, String by, Instant at) {

    /** A fact nobody has looked at: every fact before analyst review. */
    public static final Review NONE = new Review(ReviewStatus.UNREVIEWED, false, null, null);

    public Review {
        Objects.requireNonNull(status, "status");
    }

    /**
     * True when a person vouches for the value as it stands: confirmed the machine's reading, or corrected it. A
     * confirmation whose reading has changed since vouches for a reading the fact no longer has, whatever status
     * a producer sends with it.
     */
    public boolean vouches() {
        return (status == ReviewStatus.CONFIRMED || status == ReviewStatus.CORRECTED) && !changed;
    }
}
