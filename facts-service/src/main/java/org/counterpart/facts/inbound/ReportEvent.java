package org.counterpart.facts.inbound;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A message of the {@code reports} topic as this service reads it; fields it does not need are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportEvent(UUID eventId, String type, UUID reportId, String text, String title, String language,
                          LocalDate publishedAt, String sourceUrl) {

    public static final String SUBMITTED = "ReportSubmitted";
    public static final String DELETED = "ReportDeleted";
}
