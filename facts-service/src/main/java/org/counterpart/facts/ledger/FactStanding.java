package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.metric.Metric;
import org.counterpart.facts.review.Anchor;
import org.counterpart.facts.review.Correction;
import org.counterpart.facts.review.CorrectionReader;
import org.counterpart.facts.review.Origin;
import org.counterpart.facts.review.Reading;
import org.counterpart.facts.review.Review;
import org.counterpart.facts.review.ReviewAction;

/**
 * Between the fact rows and the review rules: a row's anchor and reading as the rules see them, a review record as
 * a {@link Review}, and a verdict written onto a row (status, who, when, and for a correction the corrected fields
 * over the machine's reading, which is kept in {@code extracted}).
 */
final class FactStanding {

    static final String CONFIRMED = "confirmed";
    static final String CORRECTED = "corrected";
    static final String REJECTED = "rejected";

    private final JsonColumns columns;
    private final CorrectionReader corrections;

    FactStanding(JsonColumns columns, CorrectionReader corrections) {
        this.columns = columns;
        this.corrections = corrections;
    }

    /** Facts recorded before extractors located the figure are anchored at their sentence. */
    static Anchor anchor(Fact fact) {
        int start = fact.evidenceFigureStart != null ? fact.evidenceFigureStart : fact.evidenceStart;
        int end = fact.evidenceFigureEnd != null ? fact.evidenceFigureEnd : Math.max(fact.evidenceEnd, start + 1);
        return new Anchor(fact.reportId, start, end, fact.anchorMetric != null ? fact.anchorMetric : fact.metric);
    }

    /** What the machine read at this fact: its own fields, or those kept in {@code extracted} once corrected. */
    FactDocument.ReadingDocument machineReading(Fact fact) {
        return fact.extracted != null ? columns.reading(fact.extracted) : FactDocument.readingOf(fact, columns);
    }

    static Reading reading(FactDocument.ReadingDocument r) {
        return new Reading(r.value(), r.unit(), partyKey(r.donor()), partyKey(r.recipient()), r.periodStart(),
                r.periodEnd());
    }

    /** As {@link Reading} compares parties: by code, or by level and name for a group or unresolved region. */
    private static String partyKey(FactDocument.PartyDocument p) {
        return p == null ? null : p.code() != null ? p.code() : p.level() + ":" + p.name();
    }

    static Review review(FactReviewRecord r) {
        return new Review(r.id, new Anchor(r.reportId, r.figureStart, r.figureEnd, r.metric),
                Origin.valueOf(r.factOrigin.toUpperCase()), ReviewAction.valueOf(r.action.toUpperCase()),
                new Reading(r.seenValue, r.seenUnit, r.seenDonor, r.seenRecipient, r.seenPeriodStart, r.seenPeriodEnd),
                r.reviewedBy, r.reviewedAt);
    }

    /** The correction a record states in full (every field corrected at its anchor so far). */
    Correction correction(FactReviewRecord r) {
        if (r.correction == null) return Correction.NONE;
        CorrectionReader.Result read = corrections.read(columns.fields(r.correction));
        if (!read.accepted()) {
            // written by this service after the same checks; a region code that left the gazetteer would land here
            throw new IllegalStateException("Stored correction " + r.id + " no longer reads: " + read.refusals());
        }
        return read.correction();
    }

    String json(Correction correction) {
        return columns.fields(correction.asFields());
    }

    /** A new record of a review of {@code fact}, with the machine's reading the reviewer had in front of them. */
    FactReviewRecord record(Fact fact, ReviewAction action, Correction correction, String note, String by,
                            Instant at) {
        Anchor anchor = anchor(fact);
        Reading seen = reading(machineReading(fact));
        FactReviewRecord r = new FactReviewRecord();
        r.id = UUID.randomUUID();
        r.reportId = fact.reportId;
        r.figureStart = anchor.figureStart();
        r.figureEnd = anchor.figureEnd();
        r.metric = anchor.metric();
        r.factOrigin = fact.origin;
        r.factId = fact.id;
        r.action = action.name().toLowerCase();
        r.seenValue = seen.value();
        r.seenUnit = seen.unit();
        r.seenDonor = seen.donor();
        r.seenRecipient = seen.recipient();
        r.seenPeriodStart = seen.periodStart();
        r.seenPeriodEnd = seen.periodEnd();
        r.correction = action == ReviewAction.CORRECT ? json(correction) : null;
        r.note = note;
        r.reviewedBy = by;
        r.reviewedAt = at;
        return r;
    }

    /** Writes the verdict of {@code review} onto the row; a correction goes over the machine's reading. */
    void stand(Fact fact, FactReviewRecord review, Correction correction) {
        switch (review.action) {
            case "confirm" -> fact.reviewStatus = CONFIRMED;
            case "reject" -> fact.reviewStatus = REJECTED;
            case "correct" -> {
                correct(fact, correction);
                fact.reviewStatus = CORRECTED;
            }
            default -> throw new IllegalStateException("unknown review action " + review.action);
        }
        fact.reviewChanged = false;
        fact.reviewedBy = review.reviewedBy;
        fact.reviewedAt = review.reviewedAt;
        fact.reviewNote = review.note;
    }

    /** Confirmed once, read differently now: unreviewed again, flagged so the queue can say why. */
    static void changed(Fact fact) {
        fact.reviewStatus = Fact.UNREVIEWED;
        fact.reviewChanged = true;
        fact.reviewedBy = null;
        fact.reviewedAt = null;
        fact.reviewNote = null;
    }

    private void correct(Fact fact, Correction c) {
        if (fact.extracted == null && Fact.ORIGIN_MACHINE.equals(fact.origin)) {
            fact.extracted = columns.reading(FactDocument.readingOf(fact, columns));
        }
        if (c.metric() != null) {
            fact.metric = c.metric();
            if (c.unit() == null && !fits(fact.unit, c.metric())) fact.unit = Metric.fromCode(c.metric()).unit();
        }
        if (c.value() != null) fact.value = c.value();
        if (c.unit() != null) fact.unit = c.unit();
        if (c.qualifier() != null) fact.qualifier = c.qualifier();
        if (c.basis() != null) fact.basis = c.basis();
        if (c.periodStart() != null) fact.periodStart = c.periodStart();
        if (c.periodEnd() != null) fact.periodEnd = c.periodEnd();
        if (c.asOf() != null) fact.asOf = c.asOf();
        setParties(fact, c.donor(), c.recipient());
    }

    /** Writes the parties given (a null one is left as it is) the way the extractor's are written. */
    void setParties(Fact fact, Party donor, Party recipient) {
        if (donor != null) {
            fact.donorName = donor.name();
            fact.donorCode = donor.code();
            fact.donorLevel = donor.level();
            fact.donorMembers = columns.members(donor);
            fact.donorMembersInferred = false;
        }
        if (recipient != null) {
            fact.recipientName = recipient.name();
            fact.recipientCode = recipient.code();
            fact.recipientLevel = recipient.level();
            fact.recipientMembers = columns.members(recipient);
            fact.recipientMembersInferred = false;
        }
    }

    /** A unit that still suits the metric: its own, or person-times for a metric that counts people. */
    private static boolean fits(String unit, String metric) {
        Metric m = Metric.fromCode(metric);
        return m.unit().equals(unit) || (m.countsPeople() && Metric.PERSON_TIMES.equals(unit));
    }

    /** The fields of an analyst's fact, read as a correction of nothing. */
    CorrectionReader.Result read(Map<String, Object> fields) {
        return corrections.read(fields);
    }
}
