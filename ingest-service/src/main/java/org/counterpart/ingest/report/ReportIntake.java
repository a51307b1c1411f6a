package org.counterpart.ingest.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Accepts a report: stores it and its outgoing event in one transaction (transactional outbox), so a report is
 * published if and only if it was stored.
 */
@ApplicationScoped
public class ReportIntake {

    private final ReportAnnouncements events;

    public ReportIntake(ReportAnnouncements events) {
        this.events = events;
    }

    public record Outcome(Report report, boolean duplicate) {
    }

    /**
     * A repost of a report being deleted waits for the deletion and is then accepted as new: answered as a duplicate,
     * it would name a report that is gone a moment later, and the post would be lost.
     */
    @Transactional
    public Outcome accept(Submission submission) {
        String hash = TextFingerprint.of(submission.text());
        Report existing = Report.findByContentHashForUpdate(hash);
        if (existing != null) {
            return new Outcome(existing, true);
        }
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.text = submission.text();
        report.contentHash = hash;
        report.title = submission.title();
        report.language = submission.language();
        report.sourceUrl = submission.sourceUrl();
        report.publishedAt = submission.publishedAt();
        report.contentType = submission.contentType();
        report.receivedAt = Instant.now();
        report.persist();
        events.submitted(report);
        return new Outcome(report, false);
    }

    /**
     * Withdraws a report: removes it and announces the deletion in the same transaction, so that the facts and
     * totals derived from it are taken away downstream. Answers false when there was no such report.
     */
    @Transactional
    public boolean delete(UUID reportId) {
        // Locked from here, not only when the row is removed at commit: a repost looking for its original meanwhile
        // waits, and finds none.
        Report report = Report.findById(reportId, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            return false;
        }
        events.deleted(report);
        report.delete();
        return true;
    }

    /**
     * After a concurrent duplicate lost the race on the unique hash, the winner is the answer; locked like the
     * lookup in {@link #accept}, so a winner being deleted is not it. Null when there is none (any more).
     */
    @Transactional
    public Report findByText(String text) {
        return Report.findByContentHashForUpdate(TextFingerprint.of(text));
    }
}
