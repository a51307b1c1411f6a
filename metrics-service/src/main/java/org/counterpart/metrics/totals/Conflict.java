package org.counterpart.metrics.totals;

import java.util.List;

/**
 * Claims for the same pair, metric, basis and span that disagree (DOMAIN rule 5): kept and shown, never averaged.
 *
 * @param kept   the claim the total may use (see {@link Conflicts} for how it is chosen)
 * @param others the disagreeing claims, listed as unused with reason "conflict"
 */
public record Conflict(DistinctClaim kept, List<DistinctClaim> others) {

    public Conflict {
        others = List.copyOf(others);
    }
}
