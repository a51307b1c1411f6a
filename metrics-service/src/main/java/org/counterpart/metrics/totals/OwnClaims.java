package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the claims stated for one pair itself (not its child pairs) come to, after rules 2, 3 and 5.
 *
 * @param used      the distinct claims added up
 * @param unused    every other claim of the pair, with the reason it does not count
 * @param conflicts disagreeing claims for the same span, flagged
 */
public record OwnClaims(List<DistinctClaim> used, List<UnusedClaim> unused, List<Conflict> conflicts) {

    public static final OwnClaims NONE = new OwnClaims(List.of(), List.of(), List.of());

    public OwnClaims {
        used = List.copyOf(used);
        unused = List.copyOf(unused);
        conflicts = List.copyOf(conflicts);
    }

    public BigDecimal total() {
        return Numbers.plain(used.stream().map(DistinctClaim::value).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Every statement of the pair, used or not. */
    public List<Claim> statements() {
        return java.util.stream.Stream.concat(
                        used.stream().flatMap(claim -> claim.restatedBy().stream()),
                        unused.stream().filter(u -> u.reason() != Reason.DUPLICATE)
                                .flatMap(u -> u.claim().restatedBy().stream()))
                .distinct()
                .toList();
    }
}
