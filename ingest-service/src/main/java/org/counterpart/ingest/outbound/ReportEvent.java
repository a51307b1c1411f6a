package org.counterpart.ingest.outbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The value of a message on the {@code reports} topic (key: the report id). Mapped from the entity, never the
 * entity itself: this is the contract subscribers code against (schemas/report-event.schema.json). Null fields are
 * left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportEvent(
        UUID eventId,
        String type,
        UUID reportId,
        Instant occurredAt,
        String text,
        String title,
        String language,
        String sourceUrl,
        LocalDate publishedAt,
        Instant receivedAt,
        String contentHash) {

    public static final String SUBMITTED = "ReportSubmitted";
    /** The report was withdrawn: subscribers drop it and everything derived from it. Carries no text. */
    public static final String DELETED = "ReportDeleted";
}
