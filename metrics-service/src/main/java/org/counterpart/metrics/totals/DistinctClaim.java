package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.util.List;

/**
 * A claim counted once however many reports state it (DOMAIN rule 2), with every source listed.
 *
 * @param claim       the statement whose value counts: the most precise one, see {@link SameClaims}
 * @param restatedBy  all claims that state it, the counted one included
 */
public record DistinctClaim(Claim claim, List<Claim> restatedBy) {

    public DistinctClaim {
        restatedBy = List.copyOf(restatedBy);
    }

    public BigDecimal value() {
        return claim.value();
    }

    public Span span() {
        return claim.span();
    }

    public List<Source> sources() {
        return restatedBy.stream().map(Claim::source).toList();
    }
}
