package org.counterpart.metrics.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
