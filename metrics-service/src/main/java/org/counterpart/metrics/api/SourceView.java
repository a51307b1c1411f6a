package org.counterpart.metrics.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a claim was stated: the report, the sentence, and a link to the fact in facts-service. */
@Schema(name = "Source", description = "A report stating a claim, with its evidence sentence")
public record SourceView(
        @Schema(description = "Report id") String reportId,
        @Schema(description = "Fact id within facts-service") String factId,
        @Schema(description = "The sentence the figure was read from, verbatim (plain text, never markup)") String evidence,
        @Schema(description = "The report's facts in facts-service", example = "http://localhost:8082/facts?reportId=r-1")
        String factsUrl) {
}
