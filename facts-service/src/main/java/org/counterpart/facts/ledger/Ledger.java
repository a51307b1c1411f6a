package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.counterpart.edge.outbox.EventTooLargeException;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.ReportText;
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

    public Ledger(Extractor extractor, FactAnnouncements events, Revisions revisions, ObjectMapper json) {
        this.extractor = extractor;
        this.events = events;
        this.revisions = revisions;
        this.records = new FactRecords(new JsonColumns(json));
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
            return record(report.id, List.of(), Extraction.Status.FAILED, e.toString());
        }
        return record(report.id, facts, Extraction.Status.DONE, null);
    }

    private Extraction record(UUID reportId, List<Fact> facts, Extraction.Status status, String failure) {
        Fact.delete("reportId", reportId);
        facts.forEach(fact -> fact.persist());
        Extraction extraction = Extraction.findById(reportId);
        if (extraction == null) {
            extraction = new Extraction();
            extraction.reportId = reportId;
        }
        extraction.status = status;
        extraction.extractorVersion = Extractor.VERSION;
        extraction.factCount = facts.size();
        extraction.revision = revisions.next();
        extraction.updatedAt = Instant.now();
        extraction.failure = failure;
        extraction.persist();
        if (status == Extraction.Status.DONE) {
            try {
                events.replaced(extraction, facts);
            } catch (EventTooLargeException e) {
                // So many figures that their event would not fit: recorded as failed rather than half-published.
                Fact.delete("reportId", reportId);
                extraction.status = Extraction.Status.FAILED;
                extraction.factCount = 0;
                extraction.failure = e.getMessage();
                LOG.warnf("Report %s: %s", reportId, e.getMessage());
            }
        }
        return extraction;
    }
}
