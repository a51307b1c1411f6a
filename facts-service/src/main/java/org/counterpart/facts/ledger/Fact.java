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
import jakarta.persistence.PrePersist;
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

    /** A group party's members as a JSON array of {name, code, level}; null for a region. */
    @Column(name = "donor_members", columnDefinition = "text")
    public String donorMembers;
    /** The members come from the pairing data, not from the report's words. */
    @Column(name = "donor_members_inferred", nullable = false)
    public boolean donorMembersInferred;
    @Column(name = "recipient_members", columnDefinition = "text")
    public String recipientMembers;
    @Column(name = "recipient_members_inferred", nullable = false)
    public boolean recipientMembersInferred;

    @Column(name = "evidence_sentence", nullable = false, columnDefinition = "text")
    public String evidenceSentence;
    @Column(name = "evidence_start", nullable = false)
    public int evidenceStart;
    @Column(name = "evidence_end", nullable = false)
    public int evidenceEnd;
    /** Where the figure itself is in the report text; null for facts stored before extractors reported it. */
    @Column(name = "evidence_figure_start")
    public Integer evidenceFigureStart;
    @Column(name = "evidence_figure_end")
    public Integer evidenceFigureEnd;

    /** Other statements of the same figure, e.g. a bracketed US-dollar conversion, as JSON {"usd": 517370000}. */
    @Column(name = "also_stated", columnDefinition = "text")
    public String alsoStated;

    /** high, medium or low. */
    @Column(nullable = false)
    public String confidence;

    /** Why the confidence is not high, as a JSON array of short codes. */
    @Column(nullable = false, columnDefinition = "text")
    public String reasons;

    /** The id of the fact of the same report that this one is a part of: never to be added to it. */
    @Column(name = "part_of")
    public UUID partOf;

    @Column(name = "extractor_version", nullable = false)
    public String extractorVersion;

    /** machine (replaced by each extraction) or analyst (added by a person, kept across extractions). */
    @Column(nullable = false)
    public String origin = ORIGIN_MACHINE;

    /** unreviewed, confirmed, corrected or rejected: the standing of the latest review at this fact's anchor. */
    @Column(name = "review_status", nullable = false)
    public String reviewStatus = UNREVIEWED;
    /** Confirmed once, but the machine reads it differently now: unreviewed again, and the queue says why. */
    @Column(name = "review_changed", nullable = false)
    public boolean reviewChanged;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "review_note", columnDefinition = "text")
    public String reviewNote;
    /** The metric first read at this figure; with the figure's offsets, where reviews of this fact hold. */
    @Column(name = "anchor_metric")
    public String anchorMetric;
    /** For a corrected fact, the machine's own reading as JSON; the fields above hold the corrected values. */
    @Column(columnDefinition = "text")
    public String extracted;

    public static final String ORIGIN_MACHINE = "machine";
    public static final String ORIGIN_ANALYST = "analyst";
    public static final String UNREVIEWED = "unreviewed";

    /** A fact is anchored at the metric it was first read as, unless told otherwise. */
    @PrePersist
    void anchorAtFirstMetric() {
        if (anchorMetric == null) {
            anchorMetric = metric;
        }
    }

    public static List<Fact> ofReport(UUID reportId) {
        return list("reportId = ?1 order by ordinal", reportId);
    }
}
