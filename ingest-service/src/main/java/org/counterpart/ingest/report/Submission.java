package org.counterpart.ingest.report;

import java.time.LocalDate;

/** A report as the sender gave it, validated but not yet stored. */
public record Submission(String text, String title, String language, String sourceUrl, LocalDate publishedAt,
                         String contentType) {
}
