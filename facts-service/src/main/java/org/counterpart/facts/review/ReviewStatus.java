package org.counterpart.facts.review;

/** Where a fact of a new extraction stands after the earlier reviews are applied to it. */
public enum ReviewStatus {
    UNREVIEWED,
    CONFIRMED,
    CORRECTED,
    REJECTED,
    /**
     * Confirmed once, but the machine reads it differently now: the confirmation does not cover the new reading,
     * so the fact is back in the queue (it counts as unreviewed), and the queue says why.
     */
    CHANGED
}
