package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.counterpart.edge.outbox.EventTooLargeException;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.ReportText;
import org.counterpart.facts.review.CorrectionReader;
import org.counterpart.facts.review.MachineFact;
import org.counterpart.facts.review.Reanchored;
import org.counterpart.facts.review.Review;
import org.counterpart.facts.review.ReviewAnchoring;
import org.counterpart.facts.review.ReviewedFact;
import org.jboss.logging.Logger;

/**
 * Records a report's extraction: replaces its facts and writes the event announcing the new fact set, in the
 * caller's transaction, so that the stored facts and the published facts never disagree.
 */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class);

    private final Extractor extractor;
    private final FactAnnouncements events;
    private final Revisions revisions;
    private final FactRecords records;
    private final FactStanding standing;
    private final JsonColumns columns;

    public Ledger(Extractor extractor, FactAnnouncements events, Revisions revisions, ObjectMapper json) {
        this.extractor = extractor;
        this.events = events;
        this.revisions = revisions;
        this.columns = new JsonColumns(json);
        this.records = new FactRecords(columns);
        this.standing = new FactStanding(columns, new CorrectionReader(extractor.gazetteer()));
    }

    /**
     * Extracts the report's facts and records them, replacing any earlier extraction. The caller holds the report's
     * {@link ReportLock} and has checked that it is not withdrawn: otherwise these facts could outlive a deletion.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Extraction extract(SourceReport report) {
        List<Fact> facts;
        try {
            List<ExtractedFact> extracted = extractor.extract(new ReportText(report.text, report.title,
                    report.language, report.publishedAt));
            facts = records.of(report.id, extracted, Extractor.VERSION);
        } catch (RuntimeException e) {
            // A report the extractor cannot read (or whose facts do not hang together) is recorded as failed; it
            // must not stop the reports behind it.
            LOG.errorf(e, "Extraction failed for report %s", report.id);
            return record(report, List.of(), Extraction.Status.FAILED, e.toString());
        }
        return record(report, facts, Extraction.Status.DONE, null);
    }

    /**
     * Replaces the machine's facts of the report with {@code facts}, carries the analysts' reviews over to them
     * ({@link ReviewAnchoring}), keeps the facts analysts added, and announces the report's whole fact set.
     */
    private Extraction record(SourceReport report, List<Fact> facts, Extraction.Status status, String failure) {
        UUID reportId = report.id;
        Fact.delete("reportId = ?1 and origin = ?2", reportId, Fact.ORIGIN_MACHINE);
        reapplyReviews(reportId, facts);
        facts.forEach(fact -> fact.persist());
        Extraction extraction = Extraction.findById(reportId);
        if (extraction == null) {
            extraction = new Extraction();
            extraction.reportId = reportId;
        }
        extraction.status = status;
        extraction.extractorVersion = Extractor.VERSION;
        extraction.revision = revisions.next();
        extraction.updatedAt = Instant.now();
        extraction.failure = failure;
        List<Fact> all = Fact.ofReport(reportId);
        extraction.factCount = all.size();
        extraction.persist();
        if (status == Extraction.Status.DONE) {
            try {
                events.replaced(extraction, report.publishedAt, all);
                recordReadings(extraction, facts);
            } catch (EventTooLargeException e) {
                // So many figures that their event would not fit: recorded as failed rather than half-published.
                Fact.delete("reportId = ?1 and origin = ?2", reportId, Fact.ORIGIN_MACHINE);
                extraction.status = Extraction.Status.FAILED;
                extraction.factCount = (int) Fact.count("reportId", reportId);
                extraction.failure = e.getMessage();
                LOG.warnf("Report %s: %s", reportId, e.getMessage());
            }
        }
        return extraction;
    }

    /** Each new fact gets the standing of the latest review at its anchor; analysts' own facts are not touched. */
    private void reapplyReviews(UUID reportId, List<Fact> facts) {
        List<FactReviewRecord> records = FactReviewRecord.ofReport(reportId);
        if (records.isEmpty()) return;
        Map<UUID, FactReviewRecord> byId = new HashMap<>();
        List<Review> reviews = new ArrayList<>();
        for (FactReviewRecord r : records) {
            byId.put(r.id, r);
            reviews.add(FactStanding.review(r));
        }
        Map<UUID, Fact> byFactId = new HashMap<>();
        List<MachineFact> machine = new ArrayList<>();
        for (Fact fact : facts) {
            byFactId.put(fact.id, fact);
            machine.add(new MachineFact(fact.id, FactStanding.anchor(fact),
                    FactStanding.reading(standing.machineReading(fact))));
        }
        Reanchored reanchored = ReviewAnchoring.reapply(reviews, machine);
        for (ReviewedFact reviewed : reanchored.facts()) {
            Fact fact = byFactId.get(reviewed.fact().factId());
            switch (reviewed.status()) {
                case UNREVIEWED -> { }
                case CHANGED -> FactStanding.changed(fact);
                default -> {
                    FactReviewRecord review = byId.get(reviewed.review().orElseThrow().id());
                    standing.stand(fact, review, standing.correction(review));
                }
            }
        }
        if (!reanchored.orphaned().isEmpty()) {
            LOG.infof("Report %s: %d review(s) now orphaned (no fact at their figure)", reportId,
                    reanchored.orphaned().size());
        }
    }

    /** What the machine read at each figure this time, for the facts' history. */
    private void recordReadings(Extraction extraction, List<Fact> facts) {
        for (Fact fact : facts) {
            var anchor = FactStanding.anchor(fact);
            MachineReadingRecord reading = new MachineReadingRecord();
            reading.reportId = fact.reportId;
            reading.factId = fact.id;
            reading.figureStart = anchor.figureStart();
            reading.figureEnd = anchor.figureEnd();
            reading.metric = anchor.metric();
            reading.extractorVersion = fact.extractorVersion;
            reading.revision = extraction.revision;
            reading.reading = columns.reading(standing.machineReading(fact));
            reading.recordedAt = extraction.updatedAt;
            reading.persist();
        }
    }
}
