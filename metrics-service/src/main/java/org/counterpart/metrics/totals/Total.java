package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The running total of one metric for one pair, with the claims it was built from so that a reader can trace
 * every unit of it back to a report.
 *
 * <p>DOMAIN rule 4: a pair with child pairs (Guangdong → Guangxi over Shenzhen → Baise, Shenzhen → Hechi …)
 * totals the larger of its own claims' total and the sum of its child pairs' totals. On a tie its own claims
 * are used: one figure stated for the pair is more direct evidence than a sum assembled from its parts.
 *
 * @param own        the pair's own claims after rules 2, 3 and 5; {@link OwnClaims#NONE} for a pair that only
 *                   exists as the parent of pairs reports mention
 * @param childPairs totals of the pairs one level down whose parent this pair is
 * @param parent     the pair this one rolls up into, or null at the top
 */
public record Total(Pair pair, String metric, String unit, OwnClaims own, List<Total> childPairs, Pair parent) {

    public Total {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(own, "own");
        childPairs = List.copyOf(childPairs);
    }

    /** A pair's total from its own claims only, with no child pairs and no parent. */
    public static Total ofOwn(Pair pair, String metric, String unit, OwnClaims own) {
        return new Total(pair, metric, unit, own, List.of(), null);
    }

    public BigDecimal total() {
        return fromChildPairs() ? childPairsTotal() : own.total();
    }

    public BigDecimal childPairsTotal() {
        return Numbers.plain(childPairs.stream().map(Total::total).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** True when the child pairs add up to more than the pair's own claims, and so make its total. */
    public boolean fromChildPairs() {
        return !childPairs.isEmpty() && childPairsTotal().compareTo(own.total()) > 0;
    }

    /** The claims added up: the pair's own, or those its child pairs used. */
    public List<DistinctClaim> used() {
        return fromChildPairs()
                ? childPairs.stream().flatMap(child -> child.used().stream()).toList()
                : own.used();
    }

    /** The pair's own claims that do not count, with the reason; its own used claims too, when child pairs win. */
    public List<UnusedClaim> unused() {
        List<UnusedClaim> unused = new ArrayList<>();
        if (fromChildPairs()) {
            own.used().forEach(claim -> unused.add(UnusedClaim.because(claim, Reason.CHILD_PAIRS_LARGER)));
        }
        unused.addAll(own.unused());
        return unused;
    }

    /**
     * The part of the total from claims a person confirmed or corrected. The claims summed are exactly those the
     * total adds up ({@link #used()}): a parent that takes its child pairs' sum counts their review, not that of
     * its own figure, and the other way round.
     */
    public BigDecimal reviewedValue() {
        return Numbers.plain(used().stream().filter(DistinctClaim::isReviewed).map(DistinctClaim::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The share of the total a person has checked, 0 to 1 (see {@link ReviewedShare}). */
    public BigDecimal reviewedShare() {
        return ReviewedShare.of(reviewedValue(), total());
    }

    /** How many distinct claims were added up (a claim restated by several reports is one). */
    public int claimCount() {
        return used().size();
    }

    /** Conflicts among the pair's own claims and, when their totals are used, among its child pairs' claims. */
    public List<Conflict> conflicts() {
        return fromChildPairs()
                ? Stream.concat(own.conflicts().stream(), childPairs.stream().flatMap(child -> child.conflicts().stream())).toList()
                : own.conflicts();
    }

    /** Reports whose claims are added up. */
    public List<String> reportIds() {
        return used().stream().flatMap(claim -> claim.sources().stream()).map(Source::reportId).distinct().sorted().toList();
    }

    /** When any report stating something about this pair, or about a child pair, last got its facts. */
    public Instant lastUpdated() {
        return Stream.concat(
                        own.statements().stream().map(claim -> claim.source().reportedAt()),
                        childPairs.stream().map(Total::lastUpdated))
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /** Rows of the tree under this total, itself first. */
    public Stream<Total> withDescendants() {
        return Stream.concat(Stream.of(this), childPairs.stream().flatMap(Total::withDescendants));
    }
}
