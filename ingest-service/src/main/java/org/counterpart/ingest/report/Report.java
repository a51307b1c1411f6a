package org.counterpart.ingest.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** A report as accepted: its text (HTML already reduced to text) and what the sender told us about it. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    /** SHA-256 of the normalised text: the same report posted twice is recognised by it. */
    @Column(name = "content_hash", nullable = false, unique = true, length = 64)
    public String contentHash;

    public String title;

    @Column(nullable = false, length = 2)
    public String language;

    @Column(name = "source_url", columnDefinition = "text")
    public String sourceUrl;

    @Column(name = "published_at")
    public LocalDate publishedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    /**
     * The report with this text, its row locked until the transaction ends. Locked so that a report whose deletion
     * is under way is waited for, and then not found, rather than named as the original of a repost.
     */
    public static Report findByContentHashForUpdate(String hash) {
        return find("contentHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
