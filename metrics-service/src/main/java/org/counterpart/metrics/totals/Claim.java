package org.counterpart.metrics.totals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One figure as one report states it: a current fact, seen by the totals rules. Carries everything the rules
 * compare (pair, metric, unit, basis, period) and the source it came from.
 *
 * @param confidence how far the figure can be trusted unchecked; facts that do not say are high
 * @param reasons    short codes saying why the confidence is not high (e.g. party_from_context)
 * @param partOf     the fact id of the stated total this figure is a part of ("including 1.93 billion from
 *                   Shanghai"), or null; a part is never added to its whole (see {@link Parts})
 * @param origin     whether an extractor found the figure or an analyst added it
 * @param review     what a person made of the fact; a corrected fact already states the corrected values. Never a
 *                   rejection: a fact a person rejected is no claim, and cannot become one
 */
public record Claim(
        Source source,
        Pair pair,
        String metric,
        String unit,
        BigDecimal value,
        Qualifier qualifier,
        Basis basis,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate asOf,
        Confidence confidence,
        List<String> reasons,
        String partOf,
        Origin origin,
        Review review) {

    public Claim {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(review, "review");
        if (review.status() == ReviewStatus.REJECTED) {
            throw new IllegalArgumentException("Fact " + source.factId() + " of report " + source.reportId()
                    + " was rejected by a reviewer: it is no claim");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** A claim the machine found and nobody reviewed, as every claim was before analyst review. */
    public Claim(Source source, Pair pair, String metric, String unit, BigDecimal value, Qualifier qualifier,
                 Basis basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, Confidence confidence,
                 List<String> reasons, String partOf) {
        this(source, pair, metric, unit, value, qualifier, basis, periodStart, periodEnd, asOf, confidence, reasons,
                partOf, Origin.MACHINE, Review.NONE);
    }

    /** A claim of high confidence that is a part of nothing, as facts were before they said either. */
    public Claim(Source source, Pair pair, String metric, String unit, BigDecimal value, Qualifier qualifier,
                 Basis basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf) {
        this(source, pair, metric, unit, value, qualifier, basis, periodStart, periodEnd, asOf, Confidence.HIGH,
                List.of(), null);
    }

    /** True when a person vouches for the value as it stands (see {@link Review#vouches()}). */
    public boolean isReviewed() {
        return review.vouches();
    }

    /** Plans are budgets, not work done: they never add to a total. */
    public boolean isActual() {
        return basis != Basis.PLAN;
    }

    /**
     * The time the claim covers: a period claim its period; a cumulative claim from its start (or from the
     * beginning when none is stated) to its as-of date.
     *
     * <p>A claim with no dates at all covers all time ({@link Span#UNDATED}). Such a figure may be one year's work
     * or a running total up to any date, so it may restate any dated claim of the pair; letting it overlap
     * nothing would add it on top of the very claims it may repeat, which is the overcount rule 3 exists to
     * prevent. Overlapping everything, it counts only when it alone is larger than the best set of dated claims,
     * which never overstates the total. (The report's publication date would narrow it, but facts do not carry
     * it.)
     */
    public Span span() {
        return spanOf(basis, periodStart, periodEnd, asOf);
    }

    /** The span of a figure with these dates, whether or not it is a claim (a rejected fact has one too). */
    public static Span spanOf(Basis basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf) {
        if (basis == Basis.CUMULATIVE) {
            return new Span(periodStart, asOf != null ? asOf : periodEnd);
        }
        return new Span(periodStart, periodEnd != null ? periodEnd : asOf);
    }

    /** What a total is kept apart by: the same metric in two units is never added up. */
    public TotalKey totalKey() {
        return new TotalKey(pair.identity(), metric, unit);
    }

    /** Claims can only restate each other when they agree on all of this (DOMAIN rule 2). */
    StatementKey statementKey() {
        return new StatementKey(totalKey(), basis, periodStart, periodEnd, asOf);
    }

    /** Identifies one total row: a pair, a metric, a unit. */
    public record TotalKey(String pair, String metric, String unit) {
    }

    record StatementKey(TotalKey total, Basis basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf) {
    }
}
