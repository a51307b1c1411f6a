package org.counterpart.facts.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored cooperation record: one number from one report, with its parties, period and evidence. */
@Entity
@Table(name = "fact")
public class Fact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    /** Position within its report, so that a report's facts read in the order of its text. */
    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String metric;

    @Column(nullable = false, precision = 24, scale = 4)
    public BigDecimal value;

    @Column(nullable = false)
    public String unit;

    @Column(name = "as_written", columnDefinition = "text")
    public String asWritten;

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
    @Column(name = "donor_level", nullable = false)
    public String donorLevel;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;
    @Column(name = "recipient_code")
    public String recipientCode;
    @Column(name = "recipient_level", nullable = false)
    public String recipientLevel;

    @Column(name = "evidence_sentence", nullable = false, columnDefinition = "text")
    public String evidenceSentence;
    @Column(name = "evidence_start", nullable = false)
    public int evidenceStart;
    @Column(name = "evidence_end", nullable = false)
    public int evidenceEnd;

    /** Other statements of the same figure, e.g. a bracketed US-dollar conversion, as JSON {"usd": 517370000}. */
    @Column(name = "also_stated", columnDefinition = "text")
    public String alsoStated;

    @Column(name = "extractor_version", nullable = false)
    public String extractorVersion;

    public static List<Fact> ofReport(UUID reportId) {
        return list("reportId = ?1 order by ordinal", reportId);
    }
}
