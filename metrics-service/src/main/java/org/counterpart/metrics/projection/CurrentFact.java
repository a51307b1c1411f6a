package org.counterpart.metrics.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.counterpart.metrics.totals.Pair;

/** A fact of a report's newest revision. Rows are only ever inserted and bulk-deleted per report, never updated. */
@Entity
@Table(name = "current_fact")
public class CurrentFact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public String reportId;

    @Column(name = "fact_id", nullable = false)
    public String factId;

    @Column(nullable = false)
    public String metric;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String qualifier;

    @Column(nullable = false)
    public String basis;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "donor_name", nullable = false)
    public String donorName;

    @Column(name = "donor_code")
    public String donorCode;

    @Column(name = "donor_level")
    public String donorLevel;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(name = "recipient_code")
    public String recipientCode;

    @Column(name = "recipient_level")
    public String recipientLevel;

    @Column(name = "evidence_sentence")
    public String evidenceSentence;

    @Column(name = "evidence_start")
    public Integer evidenceStart;

    @Column(name = "evidence_end")
    public Integer evidenceEnd;

    @Column(name = "extractor_version")
    public String extractorVersion;

    /** A group's members as JSON text ({@link JsonColumns}); null for a region. */
    @Column(name = "donor_members")
    public String donorMembers;

    @Column(name = "donor_members_inferred", nullable = false)
    public boolean donorMembersInferred;

    @Column(name = "recipient_members")
    public String recipientMembers;

    @Column(name = "recipient_members_inferred", nullable = false)
    public boolean recipientMembersInferred;

    /** high | medium | low */
    @Column(nullable = false)
    public String confidence = "high";

    /** JSON array of short codes. */
    @Column(name = "confidence_reasons")
    public String confidenceReasons;

    @Column(name = "part_of")
    public String partOf;

    @Column(name = "figure_start")
    public Integer figureStart;

    @Column(name = "figure_end")
    public Integer figureEnd;

    /** machine | analyst */
    @Column(nullable = false)
    public String origin = "machine";

    /** unreviewed | confirmed | corrected | rejected; a rejected fact is kept but is no claim */
    @Column(name = "review_status", nullable = false)
    public String reviewStatus = "unreviewed";

    @Column(name = "review_changed", nullable = false)
    public boolean reviewChanged;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** {@link Pair#identity()} of {@link #pair()}: the claims of one pair are one index range. */
    @Column(name = "pair_key")
    public String pairKey;

    /** The calendar year the claim's span lies within, or null: the claims of one year's stored totals. */
    @Column(name = "span_year")
    public Integer spanYear;

    /** The donor and recipient, with a group's members. */
    public Pair pair() {
        return new Pair(
                JsonColumns.party(donorName, donorCode, donorLevel, donorMembers, donorMembersInferred),
                JsonColumns.party(recipientName, recipientCode, recipientLevel, recipientMembers, recipientMembersInferred));
    }
}
