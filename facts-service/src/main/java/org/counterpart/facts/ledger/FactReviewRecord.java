package org.counterpart.facts.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One analyst's review as recorded in the audit trail (V5__fact_review.sql): written once, never updated. */
@Entity
@Table(name = "fact_review")
public class FactReviewRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "report_id", nullable = false)
    public UUID reportId;
    @Column(name = "figure_start", nullable = false)
    public int figureStart;
    @Column(name = "figure_end", nullable = false)
    public int figureEnd;
    @Column(nullable = false)
    public String metric;
    @Column(name = "fact_origin", nullable = false)
    public String factOrigin;
    @Column(name = "fact_id", nullable = false)
    public UUID factId;
    /** confirm, correct or reject. */
    @Column(nullable = false)
    public String action;
    @Column(name = "seen_value", nullable = false, precision = 24, scale = 4)
    public BigDecimal seenValue;
    @Column(name = "seen_unit", nullable = false)
    public String seenUnit;
    @Column(name = "seen_donor")
    public String seenDonor;
    @Column(name = "seen_recipient")
    public String seenRecipient;
    @Column(name = "seen_period_start")
    public LocalDate seenPeriodStart;
    @Column(name = "seen_period_end")
    public LocalDate seenPeriodEnd;
    /** JSON of the corrected fields, every field a person has set on this anchor so far; null unless correct. */
    @Column(columnDefinition = "text")
    public String correction;
    @Column(columnDefinition = "text")
    public String note;
    @Column(name = "reviewed_by", nullable = false)
    public String reviewedBy;
    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;

    /** Oldest first: the order in which the latest review at an anchor is the one that stands. */
    public static List<FactReviewRecord> ofReport(UUID reportId) {
        return list("reportId = ?1 order by reviewedAt, id", reportId);
    }

    public static List<FactReviewRecord> atAnchor(UUID reportId, int figureStart, int figureEnd, String metric) {
        return list("reportId = ?1 and figureStart = ?2 and figureEnd = ?3 and metric = ?4 order by reviewedAt",
                reportId, figureStart, figureEnd, metric);
    }
}
