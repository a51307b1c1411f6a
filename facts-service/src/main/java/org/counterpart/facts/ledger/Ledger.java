package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.counterpart.facts.events.FactEvents;
import org.counterpart.facts.extraction.ExtractedFact;
import org.counterpart.facts.extraction.Extractor;
import org.counterpart.facts.extraction.ReportText;
import org.jboss.logging.Logger;

/**
 * Records a report's extraction: replaces its facts and writes the event announcing the new fact set, in the
 * caller's transaction, so that the stored facts and the published facts never disagree.
 */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class);

    private final Extractor extractor;
    private final FactEvents events;
    private final Revisions revisions;
    private final ObjectMapper json;

    public Ledger(Extractor extractor, FactEvents events, Revisions revisions, ObjectMapper json) {
        this.extractor = extractor;
        this.events = events;
        this.revisions = revisions;
        this.json = json;
    }

    /** Extracts the report's facts and records them, replacing any earlier extraction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Extraction extract(SourceReport report) {
        List<ExtractedFact> extracted;
        try {
            extracted = extractor.extract(new ReportText(report.text, report.title, report.language,
                    report.publishedAt));
        } catch (RuntimeException e) {
            // A report the extractor cannot read is recorded as failed; it must not stop the reports behind it.
            LOG.errorf(e, "Extraction failed for report %s", report.id);
            return record(report.id, List.of(), Extraction.Status.FAILED, e.toString());
        }
        return record(report.id, extracted, Extraction.Status.DONE, null);
    }

    private Extraction record(UUID reportId, List<ExtractedFact> extracted, Extraction.Status status, String failure) {
        Fact.delete("reportId", reportId);
        List<Fact> facts = new ArrayList<>(extracted.size());
        for (int i = 0; i < extracted.size(); i++) {
            Fact fact = toEntity(reportId, i, extracted.get(i));
            fact.persist();
            facts.add(fact);
        }
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
            events.replaced(extraction, facts).persist();
        }
        return extraction;
    }


    private Fact toEntity(UUID reportId, int ordinal, ExtractedFact extracted) {
        Fact fact = new Fact();
        fact.id = UUID.randomUUID();
        fact.reportId = reportId;
        fact.ordinal = ordinal;
        fact.metric = extracted.metric();
        fact.value = extracted.value();
        fact.unit = extracted.unit();
        fact.asWritten = extracted.asWritten();
        fact.qualifier = extracted.qualifier().wireName();
        fact.basis = extracted.basis().wireName();
        fact.periodStart = extracted.periodStart();
        fact.periodEnd = extracted.periodEnd();
        fact.asOf = extracted.asOf();
        fact.donorName = extracted.donor().name();
        fact.donorCode = extracted.donor().code();
        fact.donorLevel = extracted.donor().level();
        fact.recipientName = extracted.recipient().name();
        fact.recipientCode = extracted.recipient().code();
        fact.recipientLevel = extracted.recipient().level();
        fact.evidenceSentence = extracted.evidence().sentence();
        fact.evidenceStart = extracted.evidence().start();
        fact.evidenceEnd = extracted.evidence().end();
        fact.alsoStated = toJson(extracted.alsoStated());
        fact.extractorVersion = Extractor.VERSION;
        return fact;
    }

    private String toJson(Map<String, ?> amounts) {
        if (amounts == null || amounts.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(amounts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Amounts always serialise", e);
        }
    }
}
