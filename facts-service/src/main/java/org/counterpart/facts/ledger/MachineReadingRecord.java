package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What one extraction read at one figure (V6__review_on_facts.sql). Facts are replaced by each extraction; these rows
 * stay, so a fact's history can show every machine reading of its figure next to the reviews of it.
 */
@Entity
@Table(name = "machine_reading")
public class MachineReadingRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "report_id", nullable = false)
    public UUID reportId;
    @Column(name = "fact_id", nullable = false)
    public UUID factId;
    @Column(name = "figure_start", nullable = false)
    public int figureStart;
    @Column(name = "figure_end", nullable = false)
    public int figureEnd;
    @Column(nullable = false)
    public String metric;
    @Column(name = "extractor_version", nullable = false)
    public String extractorVersion;
    @Column(nullable = false)
    public long revision;
    @Column(nullable = false, columnDefinition = "text")
    public String reading;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<MachineReadingRecord> atAnchor(UUID reportId, int figureStart, int figureEnd, String metric) {
        return list("reportId = ?1 and figureStart = ?2 and figureEnd = ?3 and metric = ?4 order by revision",
                reportId, figureStart, figureEnd, metric);
    }
}
