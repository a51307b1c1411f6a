package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A deleted report takes its facts with it: they are removed here and a retraction (an empty fact set with a new
 * revision) is written to the outbox in the same transaction, so subscribers drop them too. The report is also
 * marked withdrawn (a tombstone), so that nothing arriving later, a rerun or a late ReportSubmitted, brings it back.
 */
@ApplicationScoped
public class ReportWithdrawal {

    private final FactAnnouncements events;
    private final Revisions revisions;
    private final ReportLock lock;

    public ReportWithdrawal(FactAnnouncements events, Revisions revisions, ReportLock lock) {
        this.events = events;
        this.revisions = revisions;
        this.lock = lock;
    }

    /** The extraction row goes too: GET /extractions answers 404 for a deleted report, as for an unknown one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(UUID reportId) {
        // Taken first: a rerun in progress finishes (and commits its revision) before anything here is removed.
        lock.hold(reportId);
        Fact.delete("reportId", reportId);
        SourceReport.deleteById(reportId);
        Extraction.deleteById(reportId);
        ReportTombstone.record(reportId);
        Extraction retraction = new Extraction();
        retraction.reportId = reportId;
        retraction.status = Extraction.Status.DONE;
        // Drawn under the lock, after every revision of this report's earlier writers (the sequence only grows), so
        // the retraction is the report's last word for every subscriber that keeps the highest revision.
        retraction.revision = revisions.next();
        retraction.updatedAt = Instant.now();
        events.retracted(retraction);
    }
}
