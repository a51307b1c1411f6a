package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A deleted report takes its facts with it: they are removed here and a retraction (an empty fact set with a new
 * revision) is written to the outbox in the same transaction, so subscribers drop them too.
 */
@ApplicationScoped
public class ReportWithdrawal {

    private final FactAnnouncements events;
    private final Revisions revisions;

    public ReportWithdrawal(FactAnnouncements events, Revisions revisions) {
        this.events = events;
        this.revisions = revisions;
    }

    /** The extraction row goes too: GET /extractions answers 404 for a deleted report, as for an unknown one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(UUID reportId) {
        Fact.delete("reportId", reportId);
        SourceReport.deleteById(reportId);
        Extraction.deleteById(reportId);
        Extraction retraction = new Extraction();
        retraction.reportId = reportId;
        retraction.status = Extraction.Status.DONE;
        retraction.revision = revisions.next();
        retraction.updatedAt = Instant.now();
        events.retracted(retraction);
    }
}
