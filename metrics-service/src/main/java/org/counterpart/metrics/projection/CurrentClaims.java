package org.counterpart.metrics.projection;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.counterpart.metrics.totals.Basis;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.Origin;
import org.counterpart.metrics.totals.Qualifier;
import org.counterpart.metrics.totals.Review;
import org.counterpart.metrics.totals.ReviewStatus;
import org.counterpart.metrics.totals.Source;

/**
 * The current facts, as claims for the totals rules. A fact a reviewer rejected is no claim: it is left out here,
 * where facts become claims, so that no total, pair, time series or list of claims can count it.
 */
@ApplicationScoped
public class CurrentClaims {

    private final EntityManager em;

    public CurrentClaims(EntityManager em) {
        this.em = em;
    }

    /**
     * All current claims, with their evidence. All metrics at once, because which pairs exist (for rolling pairs up,
     * rule 4) does not depend on the metric.
     */
    public List<Claim> all() {
        return ofConfidence(Confidence.LOW);
    }

    /** The current claims of at least this confidence, with their evidence. */
    public List<Claim> ofConfidence(Confidence least) {
        return new ClaimRows(em, least, null, true).where("1 = 1", query -> query);
    }

    /** How many reports have current facts that are claims. */
    public long reportCount() {
        return em.createQuery("select count(distinct f.reportId) from CurrentFact f where f.reviewStatus <> :rejected",
                        Long.class)
                .setParameter("rejected", ReviewStatus.REJECTED.code())
                .getSingleResult();
    }

    /** The calendar year the fact's span lies within, or null when it lies within none (open, or across years). */
    static Integer spanYear(CurrentFact fact) {
        int year = Claim.spanOf(Basis.fromCode(fact.basis), fact.periodStart, fact.periodEnd, fact.asOf).singleYear();
        return year > 0 ? year : null;
    }

    static Claim toClaim(CurrentFact fact, Instant reportedAt) {
        return new Claim(
                new Source(fact.reportId, fact.factId, fact.evidenceSentence, reportedAt),
                fact.pair(),
                fact.metric,
                fact.unit,
                fact.value,
                Qualifier.fromCode(fact.qualifier),
                Basis.fromCode(fact.basis),
                fact.periodStart,
                fact.periodEnd,
                fact.asOf,
                Confidence.fromCode(fact.confidence),
                JsonColumns.reasons(fact.confidenceReasons),
                fact.partOf,
                Origin.fromCode(fact.origin),
                new Review(ReviewStatus.fromCode(fact.reviewStatus), fact.reviewChanged, fact.reviewedBy, fact.reviewedAt));
    }
}
