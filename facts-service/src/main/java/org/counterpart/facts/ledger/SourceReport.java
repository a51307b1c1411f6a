package org.counterpart.facts.ledger;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The facts service's own copy of a report: what a re-extraction with a new extractor version reads. */
@Entity
@Table(name = "source_report")
public class SourceReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(columnDefinition = "text")
    public String title;

    public String language;

    @Column(name = "published_at")
    public LocalDate publishedAt;

    /** Where the report was published, when it says: the report view links to it. */
    @Column(name = "source_url", columnDefinition = "text")
    public String sourceUrl;
}
