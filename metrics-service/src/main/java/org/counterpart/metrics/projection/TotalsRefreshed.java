package org.counterpart.metrics.projection;

import java.util.List;
import java.util.Set;

/**
 * A CDI event: a refresh of the stored totals committed. Fired inside its transaction and observed after it
 * commits, so that nobody hears of totals that were rolled back.
 *
 * @param rows      how many noted changes it worked off
 * @param reportIds the reports whose applied revisions the totals now reflect
 * @param pairs     identities of the pairs whose stored totals were replaced (the ones of their trees)
 */
public record TotalsRefreshed(int rows, List<String> reportIds, Set<String> pairs) {

    public TotalsRefreshed {
        reportIds = List.copyOf(reportIds);
        pairs = Set.copyOf(pairs);
    }
}
