package org.counterpart.metrics.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.counterpart.metrics.totals.Claim;
import org.counterpart.metrics.totals.Confidence;
import org.counterpart.metrics.totals.ReviewStatus;

/**
 * Reads current facts as claims, as values: no managed entities (a read of many claims would otherwise keep every
 * one in the persistence context until its transaction ends), and evidence only when a reader is to be shown it.
 * Rejected facts are no claims and are never read.
 */
final class ClaimRows {

    /** The columns a claim is made of, evidence last (selected only when asked for). */
    private static final String COLUMNS = "f.reportId, f.factId, f.metric, f.unit, f.value, f.qualifier, f.basis,"
            + " f.periodStart, f.periodEnd, f.asOf, f.donorName, f.donorCode, f.donorLevel, f.donorMembers,"
            + " f.donorMembersInferred, f.recipientName, f.recipientCode, f.recipientLevel, f.recipientMembers,"
            + " f.recipientMembersInferred, f.confidence, f.confidenceReasons, f.partOf, f.origin, f.reviewStatus,"
            + " f.reviewChanged, f.reviewedBy, f.reviewedAt, s.occurredAt";

    private final EntityManager em;
    private final Confidence least;
    private final Integer year;
    private final boolean withEvidence;

    /**
     * @param least        the lowest confidence read
     * @param year         the calendar year the claims' spans lie within, or null for any span
     * @param withEvidence whether claims carry their evidence sentence (for a reader), or only their figures
     */
    ClaimRows(EntityManager em, Confidence least, Integer year, boolean withEvidence) {
        this.em = em;
        this.least = least;
        this.year = year;
        this.withEvidence = withEvidence;
    }

    /** The claims the JPQL condition {@code where} (over fact {@code f}) selects, with its parameters set. */
    List<Claim> where(String where, UnaryOperator<TypedQuery<Object[]>> parameters) {
        String select = "select " + COLUMNS + (withEvidence ? ", f.evidenceSentence" : "")
                + " from CurrentFact f, ReportState s where s.reportId = f.reportId"
                + " and f.reviewStatus <> :rejected and f.confidence in :confidences"
                + (year == null ? "" : " and f.spanYear = " + year) + " and " + where;
        // A list, not a stream: a stream left unclosed holds its JDBC result set (every row's bytes) until the
        // transaction ends, and a refresh reads many in one transaction.
        List<Object[]> rows = parameters.apply(em.createQuery(select, Object[].class)
                        .setParameter("rejected", ReviewStatus.REJECTED.code())
                        .setParameter("confidences", confidences()))
                .getResultList();
        List<Claim> claims = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            claims.add(toClaim(rows.get(i)));
            rows.set(i, null);
        }
        return claims;
    }

    /** Every distinct (metric, unit, pair identity) the claims read here state. */
    List<Object[]> statements() {
        return em.createQuery("select distinct f.metric, f.unit, f.pairKey from CurrentFact f"
                        + " where f.reviewStatus <> :rejected and f.confidence in :confidences"
                        + (year == null ? "" : " and f.spanYear = " + year), Object[].class)
                .setParameter("rejected", ReviewStatus.REJECTED.code())
                .setParameter("confidences", confidences())
                .getResultList();
    }

    private Claim toClaim(Object[] row) {
        CurrentFact fact = new CurrentFact();
        int i = 0;
        fact.reportId = (String) row[i++];
        fact.factId = (String) row[i++];
        fact.metric = (String) row[i++];
        fact.unit = (String) row[i++];
        fact.value = (BigDecimal) row[i++];
        fact.qualifier = (String) row[i++];
        fact.basis = (String) row[i++];
        fact.periodStart = (LocalDate) row[i++];
        fact.periodEnd = (LocalDate) row[i++];
        fact.asOf = (LocalDate) row[i++];
        fact.donorName = (String) row[i++];
        fact.donorCode = (String) row[i++];
        fact.donorLevel = (String) row[i++];
        fact.donorMembers = (String) row[i++];
        fact.donorMembersInferred = (Boolean) row[i++];
        fact.recipientName = (String) row[i++];
        fact.recipientCode = (String) row[i++];
        fact.recipientLevel = (String) row[i++];
        fact.recipientMembers = (String) row[i++];
        fact.recipientMembersInferred = (Boolean) row[i++];
        fact.confidence = (String) row[i++];
        fact.confidenceReasons = (String) row[i++];
        fact.partOf = (String) row[i++];
        fact.origin = (String) row[i++];
        fact.reviewStatus = (String) row[i++];
        fact.reviewChanged = (Boolean) row[i++];
        fact.reviewedBy = (String) row[i++];
        fact.reviewedAt = (Instant) row[i++];
        Instant reportedAt = (Instant) row[i++];
        fact.evidenceSentence = withEvidence ? (String) row[i] : null;
        return CurrentClaims.toClaim(fact, reportedAt);
    }

    /** The confidence codes read. */
    List<String> confidences() {
        List<String> codes = new ArrayList<>();
        for (Confidence confidence : Confidence.values()) {
            if (confidence.reaches(least)) {
                codes.add(confidence.code());
            }
        }
        return codes;
    }
}
