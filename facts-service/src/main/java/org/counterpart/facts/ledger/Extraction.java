package org.counterpart.facts.ledger;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The state of one report's extraction: which extractor version produced its current facts, and how many. */
@Entity
@Table(name = "extraction")
public class Extraction extends PanacheEntityBase {

    public enum Status {
        PENDING, DONE, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "extractor_version")
    public String extractorVersion;

    @Column(name = "fact_count", nullable = false)
    public int factCount;

    /** Increases with every extraction of any report, so that subscribers can drop a stale event. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(columnDefinition = "text")
    public String failure;
}
