package org.counterpart.metrics.totals;

import java.util.List;

/**
 * First version: every distinct actual claim counts. Overcounts when reports restate a cumulative figure at
 * different dates; rule 3 (non-overlapping spans) will replace it.
 */
public final class AllClaims implements ClaimSelection {

    @Override
    public List<DistinctClaim> select(List<DistinctClaim> claims) {
        return claims;
    }
}
