package org.counterpart.ingest.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
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

    @Transactional
    public Outcome accept(Submission submission) {
        String hash = TextFingerprint.of(submission.text());
        Report existing = Report.findByContentHash(hash);
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
        Report report = Report.findById(reportId);
        if (report == null) {
            return false;
        }
        events.deleted(report);
        report.delete();
        return true;
    }

    /** After a concurrent duplicate lost the race on the unique hash, the winner is the answer. */
    @Transactional
    public Report findByText(String text) {
        return Report.findByContentHash(TextFingerprint.of(text));
    }
}
