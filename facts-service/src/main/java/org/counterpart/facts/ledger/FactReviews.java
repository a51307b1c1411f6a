package org.counterpart.facts.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.text.Sentence;
import org.counterpart.facts.extraction.text.SentenceSplitter;
import org.counterpart.facts.review.Anchor;
import org.counterpart.facts.review.Correction;
import org.counterpart.facts.review.CorrectionReader;
import org.counterpart.facts.review.ReviewAction;

/**
 * Records analysts' work on a report's facts: a review (confirm, correct, reject) of a fact, or a fact the machine
 * missed. Each is written under the report's lock, in one transaction with a new revision of the report's fact set
 * on the {@code facts} topic, so subscribers see a review exactly as they see a re-extraction.
 */
@ApplicationScoped
public class FactReviews {

    /** What an analyst sent that cannot be recorded; the API answers 400 (or 409 for {@code conflict}). */
    public static final class Refused extends RuntimeException {
        private final List<CorrectionReader.Refusal> refusals;
        private final boolean conflict;

        Refused(String message, List<CorrectionReader.Refusal> refusals, boolean conflict) {
            super(message);
            this.refusals = List.copyOf(refusals);
            this.conflict = conflict;
        }

        public List<CorrectionReader.Refusal> refusals() {
            return refusals;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    /** An analyst's fact: where the figure is in the report text, and what it says. */
    public record AddedFact(int figureStart, int figureEnd, Map<String, Object> fields, String note) {
    }

    /** Analyst-added facts sort after the machine's, in the order of their figures. */
    private static final int ANALYST_ORDINALS = 1_000_000;

    private final FactAnnouncements events;
    private final Revisions revisions;
    private final ReportLock lock;
    private final EntityManager entityManager;
    private final FactStanding standing;

    public FactReviews(FactAnnouncements events, Revisions revisions, ReportLock lock, EntityManager entityManager,
                       Extractor extractor, ObjectMapper json) {
        this.events = events;
        this.revisions = revisions;
        this.lock = lock;
        this.entityManager = entityManager;
        this.standing = new FactStanding(new JsonColumns(json), new CorrectionReader(extractor.gazetteer()));
    }

    /**
     * Records a review by {@code by} and answers the fact as it now stands; empty when there is no such fact (any
     * more: a rerun replaces fact ids) or its report was deleted.
     */
    @Transactional
    public Optional<Fact> review(UUID factId, ReviewAction action, Map<String, Object> fields, String note,
                                 String by) {
        Optional<UUID> reportId = reportOf(factId);
        if (reportId.isEmpty() || !lock.holdUnlessWithdrawn(reportId.get())) {
            return Optional.empty();
        }
        // read only under the lock: a rerun that committed meanwhile has replaced it
        Fact fact = Fact.findById(factId);
        if (fact == null) {
            return Optional.empty();
        }
        Correction correction = Correction.NONE;
        if (action == ReviewAction.CORRECT) {
            correction = readCorrection(fields);
        } else if (!fields.isEmpty()) {
            throw new Refused("Only a correction carries fields; " + action.name().toLowerCase() + " takes a note only.",
                    List.of(new CorrectionReader.Refusal(fields.keySet().iterator().next(), "only for correct")),
                    false);
        }
        if (FactStanding.CORRECTED.equals(fact.reviewStatus) && action != ReviewAction.REJECT) {
            // the correction is the analyst's reading: confirming or correcting it again keeps what was corrected
            Correction earlier = latestCorrection(fact);
            correction = earlier.then(correction);
            action = ReviewAction.CORRECT;
        }
        FactReviewRecord record = standing.record(fact, action, correction, note, by, now());
        record.persist();
        standing.stand(fact, record, correction);
        announce(fact.reportId);
        return Optional.of(fact);
    }

    /** Records a fact an analyst found; empty when the report is unknown or deleted. */
    @Transactional
    public Optional<Fact> add(UUID reportId, AddedFact added, String by) {
        if (!lock.holdUnlessWithdrawn(reportId)) {
            return Optional.empty();
        }
        SourceReport report = SourceReport.findById(reportId);
        if (report == null) {
            return Optional.empty();
        }
        if (added.figureStart() < 0 || added.figureEnd() <= added.figureStart()
                || added.figureEnd() > report.text.length()) {
            throw new Refused("The figure's offsets must lie in the report text (0 <= figureStart < figureEnd <= "
                    + report.text.length() + ").", List.of(new CorrectionReader.Refusal("figureEnd", "out of range")),
                    false);
        }
        for (String required : List.of("metric", "value", "donor", "recipient")) {
            if (added.fields().get(required) == null) {
                throw new Refused("An added fact needs metric, value, donor and recipient.",
                        List.of(new CorrectionReader.Refusal(required, "required")), false);
            }
        }
        CorrectionReader.Result read = standing.read(added.fields());
        if (!read.accepted()) {
            throw new Refused("The fact's fields do not read.", read.refusals(), false);
        }
        Correction c = read.correction();
        Anchor anchor = new Anchor(reportId, added.figureStart(), added.figureEnd(), c.metric());
        boolean taken = Fact.ofReport(reportId).stream().anyMatch(f -> FactStanding.anchor(f).equals(anchor));
        if (taken) {
            throw new Refused("A fact of this metric already stands at that figure: review it instead.",
                    List.of(new CorrectionReader.Refusal("figureStart", "taken")), true);
        }
        Fact fact = new Fact();
        fact.id = UUID.randomUUID();
        fact.reportId = reportId;
        fact.ordinal = ANALYST_ORDINALS + added.figureStart();
        fact.origin = Fact.ORIGIN_ANALYST;
        fact.metric = c.metric();
        fact.anchorMetric = c.metric();
        fact.value = c.value();
        fact.unit = c.unit() != null ? c.unit() : CorrectionReader.unitOf(c.metric());
        fact.asWritten = report.text.substring(added.figureStart(), added.figureEnd());
        fact.qualifier = c.qualifier() != null ? c.qualifier() : "exact";
        fact.basis = c.basis() != null ? c.basis() : "period";
        fact.periodStart = c.periodStart();
        fact.periodEnd = c.periodEnd();
        fact.asOf = c.asOf();
        standing.setParties(fact, c.donor(), c.recipient());
        Sentence sentence = sentenceAt(report.text, added.figureStart());
        fact.evidenceSentence = sentence.text();
        fact.evidenceStart = sentence.start();
        fact.evidenceEnd = sentence.end();
        fact.evidenceFigureStart = added.figureStart();
        fact.evidenceFigureEnd = added.figureEnd();
        fact.confidence = "high";
        fact.reasons = "[]";
        fact.extractorVersion = Fact.ORIGIN_ANALYST;
        FactReviewRecord record = standing.record(fact, ReviewAction.CONFIRM, Correction.NONE, added.note(), by, now());
        standing.stand(fact, record, Correction.NONE);
        fact.persist();
        record.persist();
        announce(reportId);
        return Optional.of(fact);
    }

    private Correction readCorrection(Map<String, Object> fields) {
        if (fields.isEmpty()) {
            throw new Refused("A correction needs at least one corrected field.",
                    List.of(new CorrectionReader.Refusal("action", "correct without fields")), false);
        }
        CorrectionReader.Result read = standing.read(fields);
        if (!read.accepted()) {
            throw new Refused("The correction does not read.", read.refusals(), false);
        }
        return read.correction();
    }

    private Correction latestCorrection(Fact fact) {
        Anchor anchor = FactStanding.anchor(fact);
        List<FactReviewRecord> atAnchor = FactReviewRecord.atAnchor(anchor.reportId(), anchor.figureStart(),
                anchor.figureEnd(), anchor.metric());
        for (int i = atAnchor.size() - 1; i >= 0; i--) {
            if (atAnchor.get(i).correction != null) return standing.correction(atAnchor.get(i));
        }
        return Correction.NONE;
    }

    /** A new revision of the report's whole fact set, as a re-extraction writes one. */
    private void announce(UUID reportId) {
        Extraction extraction = Extraction.findById(reportId);
        List<Fact> facts = Fact.ofReport(reportId);
        extraction.revision = revisions.next();
        extraction.updatedAt = now();
        extraction.factCount = facts.size();
        SourceReport report = SourceReport.findById(reportId);
        events.replaced(extraction, report == null ? null : report.publishedAt, facts);
    }

    private Optional<UUID> reportOf(UUID factId) {
        return entityManager.createQuery("select f.reportId from Fact f where f.id = :id", UUID.class)
                .setParameter("id", factId).getResultStream().findFirst();
    }

    private static Sentence sentenceAt(String text, int offset) {
        for (Sentence s : SentenceSplitter.split(text)) {
            if (offset >= s.start() && offset < s.end()) return s;
        }
        return new Sentence(0, 0, text, 0, text.length());
    }

    /** Microseconds: what PostgreSQL keeps, so that the time answered is the time stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
