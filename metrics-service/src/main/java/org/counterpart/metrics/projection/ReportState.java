package org.counterpart.metrics.projection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The newest revision applied for one report. Outlives a retraction, because an older event arriving after it
 * must still be recognised as stale.
 */
@Entity
@Table(name = "report_state")
public class ReportState {

    @Id
    @Column(name = "report_id")
    public String reportId;

    @Column(nullable = false)
    public long revision;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public boolean retracted;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    /** When facts-service produced this revision (the event's occurredAt); null when the event did not say. */
    @Column(name = "occurred_at")
    public Instant occurredAt;

    /**
     * The report's publication date as this revision gave it; null when it gave none. Read to tell how recent the
     * reports behind a figure are (CurrentTotals#reportsBehind).
     */
    @Column(name = "published_at")
    public LocalDate publishedAt;

    /** When the stored totals first reflected this revision; null until they do (see StoredTotals). */
    @Column(name = "totals_at")
    public Instant totalsAt;
}
