package org.counterpart.metrics.projection;

import java.util.Set;

import org.counterpart.metrics.totals.Pair;

/**
 * A CDI event: a facts event changed the current facts. Fired inside the projection's transaction and observed
 * after it commits, so that nobody hears of a change that was rolled back.
 *
 * @param reportId the report whose facts changed
 * @param outcome  replaced or retracted
 * @param pairs    the pairs the report had facts about, before and after: their totals may have changed
 */
public record FactsApplied(String reportId, ProjectionOutcome outcome, Set<Pair> pairs) {

    public FactsApplied {
        pairs = Set.copyOf(pairs);
    }
}
