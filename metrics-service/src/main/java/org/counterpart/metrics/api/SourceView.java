package org.counterpart.metrics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a claim was stated: the report, the sentence, the fact's review, and links to it in facts-service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Source", description = "A report stating a claim, with its evidence sentence")
public record SourceView(
        @Schema(description = "Report id") String reportId,
        @Schema(description = "Fact id within facts-service") String factId,
        @Schema(description = "The sentence the figure was read from, verbatim (plain text, never markup)") String evidence,
        @Schema(description = "The report's facts in facts-service", example = "http://localhost:8082/facts?reportId=r-1")
        String factsUrl,
        @Schema(enumeration = {"machine", "analyst"}) String origin,
        @Schema(description = "This fact's review") ReviewView review,
        @Schema(description = "The fact in facts-service's report view, where an analyst can check it",
                example = "http://localhost:8082/review/report.html?id=r-1&fact=f-1") String reviewUrl) {
}
