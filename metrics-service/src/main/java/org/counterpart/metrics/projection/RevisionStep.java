package org.counterpart.metrics.projection;

import java.util.Optional;

/**
 * How far ahead a revision may be. A revision far ahead of any seen (10^15) would make every genuine later
 * revision of its report look stale and freeze the report's facts at whatever that event said, so it is refused.
 *
 * <p>Measured from the highest revision seen for any report, which is never below the report's own: facts-service
 * numbers the extractions of all reports from one sequence, so a report re-extracted after many others is
 * legitimately far above its own last revision, but never far above the newest revision of all. An older revision
 * is not judged here; it is stale, as before.
 *
 * @param largest how far above the highest revision seen a revision may be
 */
public record RevisionStep(long largest) {

    /** The rule's code, as dead letters and a rebuild's skipped messages name it. */
    public static final String RULE = "revision_step";

    public RevisionStep {
        if (largest < 1) {
            throw new IllegalArgumentException("The largest revision step must be at least 1, was " + largest);
        }
    }

    /**
     * @param highestSeen the highest revision applied for any report so far, 0 when none
     * @return why the revision is refused, or empty when it may be applied (or found stale)
     */
    public Optional<String> refusal(long revision, long highestSeen) {
        // Both at least 0 in practice; subtracting cannot overflow, adding could.
        if (revision > highestSeen && revision - highestSeen > largest) {
            return Optional.of("revision " + revision + " is more than " + largest + " above " + highestSeen
                    + ", the highest revision seen so far");
        }
        return Optional.empty();
    }
}
