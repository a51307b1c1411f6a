package org.counterpart.metrics.totals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DOMAIN rule 5: distinct claims that state the same pair, metric, basis and span but disagree (more than 1%
 * apart, and not an at-least bound the other satisfies, see {@link SameClaims}) are a conflict. Averaging them
 * would produce a figure nobody reported, and adding them would count one span twice; so exactly one is kept,
 * chosen without regard to the order events arrived in:
 * <ol>
 *   <li>the one stated by most sources (independent outlets agreeing is the best evidence we have);</li>
 *   <li>then the one whose newest report is the latest (a later report may correct an earlier one);</li>
 *   <li>then the more precise qualifier, then the larger value, then the fact id, only so that the choice is
 *   always the same.</li>
 * </ol>
 */
public final class Conflicts {

    /** The outcome for one pair, metric and unit. */
    public record Resolved(List<DistinctClaim> kept, List<Conflict> conflicts) {
    }

    /**
     * In the order of the class comment, each claim's newest report worked out once: a claim restated by many
     * reports would otherwise go through all of them at every comparison.
     */
    private static List<DistinctClaim> ranked(List<DistinctClaim> claims) {
        Map<DistinctClaim, Instant> latest = new java.util.IdentityHashMap<>();
        claims.forEach(claim -> latest.put(claim, claim.latestReport()));
        Comparator<DistinctClaim> order = Comparator
                .comparing((DistinctClaim claim) -> claim.restatedBy().size(), Comparator.reverseOrder())
                .thenComparing(latest::get, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                .thenComparing(claim -> claim.claim().qualifier())
                .thenComparing(DistinctClaim::value, Comparator.reverseOrder())
                .thenComparing(DistinctClaim::id);
        return claims.stream().sorted(order).toList();
    }

    public Resolved resolve(List<DistinctClaim> distinct) {
        Map<Claim.StatementKey, List<DistinctClaim>> byStatement = new LinkedHashMap<>();
        distinct.forEach(claim -> byStatement.computeIfAbsent(claim.claim().statementKey(), k -> new ArrayList<>()).add(claim));
        List<DistinctClaim> kept = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        byStatement.values().forEach(sameStatement -> {
            List<DistinctClaim> ranked = sameStatement.size() == 1 ? sameStatement : ranked(sameStatement);
            kept.add(ranked.get(0));
            if (ranked.size() > 1) {
                conflicts.add(new Conflict(ranked.get(0), ranked.subList(1, ranked.size())));
            }
        });
        return new Resolved(kept, conflicts);
    }
}
