package org.counterpart.metrics.totals;

import java.util.Objects;

/**
 * A claim of a pair that does not add to its total, and why; kept so the dashboard can show it.
 *
 * @param claim   the claim
 * @param reason  why it is not used
 * @param insteadOf the claim that was preferred to it, for a duplicate or a conflict; otherwise null
 */
public record UnusedClaim(DistinctClaim claim, Reason reason, DistinctClaim insteadOf) {

    public UnusedClaim {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(reason, "reason");
    }

    public static UnusedClaim because(DistinctClaim claim, Reason reason) {
        return new UnusedClaim(claim, reason, null);
    }
}
