package org.counterpart.metrics.totals;

import java.util.Locale;

/** Why a claim of a pair does not add to its total. Codes are part of the API. */
public enum Reason {
    /** Its span overlaps claims that together are larger (rule 3). */
    OVERLAPPED,
    /** Another report (or the same one) states the same claim; it is listed among that claim's sources (rule 2). */
    DUPLICATE,
    /** Another claim for the same span disagrees and was preferred; both stay visible (rule 5). */
    CONFLICT,
    /** A budget or target, never work done. */
    PLAN,
    /** The pair's child pairs add up to more than its own claims (rule 4), so their totals are used instead. */
    CHILD_PAIRS_LARGER,
    /**
     * A part of a total the same report states ("including 1.93 billion from Shanghai"), where adding it would
     * count the whole again: it is shown, and its whole counts.
     */
    PART;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
