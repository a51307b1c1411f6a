package org.counterpart.metrics.totals;

import java.util.List;

/** Decides which distinct claims of one pair and metric make up its total (DOMAIN rule 3). */
public interface ClaimSelection {

    /** The claims to add up, chosen from the distinct, non-conflicting claims of one pair, metric and unit. */
    List<DistinctClaim> select(List<DistinctClaim> claims);
}
