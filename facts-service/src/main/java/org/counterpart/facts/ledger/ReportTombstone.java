package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What is left of a withdrawn report: its id. The report's rows go with its withdrawal, so without this a late
 * ReportSubmitted or a rerun could not tell a withdrawn report from one not seen yet, and would bring it back.
 */
@Entity
@Table(name = "report_tombstone")
public class ReportTombstone extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "withdrawn_at", nullable = false)
    public Instant withdrawnAt;

    static boolean exists(UUID reportId) {
        return findById(reportId) != null;
    }

    /** Marks the report withdrawn; a second deletion of the same report leaves the first mark. */
    static void record(UUID reportId) {
        if (exists(reportId)) {
            return;
        }
        ReportTombstone tombstone = new ReportTombstone();
        tombstone.reportId = reportId;
        tombstone.withdrawnAt = Instant.now();
        tombstone.persist();
    }
}
