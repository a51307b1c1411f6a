package org.counterpart.metrics.totals;

import java.time.Instant;

/**
 * Where a claim was stated, so a reader can go back to the evidence.
 *
 * @param reportId   the report
 * @param factId     the fact of that report
 * @param evidence   the sentence the figure was read from, as the report wrote it (never markup to render)
 * @param reportedAt when facts-service produced the report's current facts; "the latest report" when two claims
 *                   conflict. Taken from the event, not the clock, so that a replay chooses exactly as before.
 */
public record Source(String reportId, String factId, String evidence, Instant reportedAt) {

    public Source(String reportId, String factId) {
        this(reportId, factId, null, null);
    }
}
