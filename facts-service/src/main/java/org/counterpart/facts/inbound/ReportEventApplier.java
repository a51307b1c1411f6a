package org.counterpart.facts.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.counterpart.edge.inbound.MessageLog;
import org.counterpart.facts.ledger.Ledger;
import org.counterpart.facts.ledger.ReportLock;
import org.counterpart.facts.ledger.ReportWithdrawal;
import org.counterpart.facts.ledger.SourceReport;

/**
 * Applies one report event in one transaction: the processed-event row, the report's facts (or their withdrawal)
 * and the outgoing facts event commit together or not at all.
 */
@ApplicationScoped
public class ReportEventApplier {

    /** ALREADY_WITHDRAWN: a ReportSubmitted for a report deleted before it arrived; it stays deleted. */
    public enum Outcome { EXTRACTED, WITHDRAWN, DUPLICATE, ALREADY_WITHDRAWN }

    private final Ledger ledger;
    private final ReportWithdrawal withdrawal;
    private final MessageLog messageLog;
    private final ReportLock lock;

    public ReportEventApplier(Ledger ledger, ReportWithdrawal withdrawal, MessageLog messageLog, ReportLock lock) {
        this.ledger = ledger;
        this.withdrawal = withdrawal;
        this.messageLog = messageLog;
        this.lock = lock;
    }

    @Transactional
    public Outcome apply(ReportEvent event) {
        if (!messageLog.firstTime(event.eventId().toString())) {
            return Outcome.DUPLICATE;
        }
        if (ReportEvent.DELETED.equals(event.type())) {
            withdrawal.withdraw(event.reportId());
            return Outcome.WITHDRAWN;
        }
        if (!lock.holdUnlessWithdrawn(event.reportId())) {
            return Outcome.ALREADY_WITHDRAWN;
        }
        SourceReport report = SourceReport.findById(event.reportId());
        if (report == null) {
            report = new SourceReport();
            report.id = event.reportId();
        }
        report.text = event.text();
        report.title = event.title();
        report.language = event.language();
        report.publishedAt = event.publishedAt();
        report.sourceUrl = event.sourceUrl();
        report.persist();
        ledger.extract(report);
        return Outcome.EXTRACTED;
    }
}
