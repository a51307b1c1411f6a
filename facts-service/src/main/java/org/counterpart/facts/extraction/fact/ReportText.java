package org.counterpart.facts.extraction.fact;

import java.time.LocalDate;

/** One report as the extractor sees it. {@code language} is "en", "zh" or null (then detected per sentence). */
public record ReportText(String text, String title, String language, LocalDate publishedAt) {
    public ReportText {
        text = text == null ? "" : text;
    }
}
