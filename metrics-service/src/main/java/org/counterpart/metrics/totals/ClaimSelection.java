package org.counterpart.metrics.totals;

import java.util.List;

/**
 * Decides which distinct claims of one pair and metric make up its total. This is where DOMAIN rule 3
 * (the largest sum of claims whose spans do not overlap) plugs in, replacing {@link AllClaims}.
 */
public interface ClaimSelection {

    /** The claims to add up, chosen from all distinct claims of one pair, metric and unit. */
    List<DistinctClaim> select(List<DistinctClaim> claims);
}
