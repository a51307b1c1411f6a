package org.counterpart.facts.inbound;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.counterpart.edge.inbound.MessageLog;
import org.counterpart.facts.ledger.Ledger;
import org.counterpart.facts.ledger.ReportLock;
import org.counterpart.facts.ledger.ReportWithdrawal;
import org.counterpart.facts.ledger.SourceReport;

/**
 * Applies a report event: the processed-event row, the report's facts (or their withdrawal) and the outgoing facts
 * event commit together or not at all, in the event's own transaction or in its poll's.
 */
@ApplicationScoped
public class ReportEventApplier {

    /** ALREADY_WITHDRAWN: a ReportSubmitted for a report deleted before it arrived; it stays deleted. */
    public enum Outcome { EXTRACTED, WITHDRAWN, DUPLICATE, ALREADY_WITHDRAWN }

    private final Ledger ledger;
    private final ReportWithdrawal withdrawal;
    private final MessageLog messageLog;
    private final ReportLock lock;
    private final EntityManager entityManager;

    public ReportEventApplier(Ledger ledger, ReportWithdrawal withdrawal, MessageLog messageLog, ReportLock lock,
                              EntityManager entityManager) {
        this.entityManager = entityManager;
        this.ledger = ledger;
        this.withdrawal = withdrawal;
        this.messageLog = messageLog;
        this.lock = lock;
    }

    /**
     * Applies the events of one poll in one transaction, in order. The persistence context is emptied after each
     * event, so a poll of many reports holds no more entities than one.
     */
    @Transactional
    public List<Outcome> applyAll(List<ReportEvent> events) {
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (ReportEvent event : events) {
            outcomes.add(apply(event));
            entityManager.flush();
            entityManager.clear();
        }
        return outcomes;
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
