package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

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

    /** A statement that nothing restates, e.g. a plan or one restatement listed on its own. */
    public static DistinctClaim single(Claim claim) {
        return new DistinctClaim(claim, List.of(claim));
    }

    /** Names the claim in the API: the fact id of the counted statement. */
    public String id() {
        return claim.source().factId();
    }

    public BigDecimal value() {
        return claim.value();
    }

    /**
     * True when a person vouches for the value counted: that of the counted statement. (Among restatements of one
     * value the reviewed one is counted, see {@link SameClaims}.)
     */
    public boolean isReviewed() {
        return claim.isReviewed();
    }

    public Span span() {
        return claim.span();
    }

    public List<Source> sources() {
        return restatedBy.stream().map(Claim::source).toList();
    }

    /** When the newest of its reports got its current facts; null when none says. */
    public Instant latestReport() {
        return sources().stream().map(Source::reportedAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
