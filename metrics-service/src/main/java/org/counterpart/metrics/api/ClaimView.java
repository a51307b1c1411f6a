package org.counterpart.metrics.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One distinct claim of a total, used or not, with its sources. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Claim", description = "A figure as reports state it; restatements are one claim with several sources")
public record ClaimView(
        @Schema(description = "Claim id: the fact id of the counted statement") String id,
        String donor,
        String recipient,
        String metric,
        BigDecimal value,
        String unit,
        @Schema(enumeration = {"exact", "approximate", "at_least"}) String qualifier,
        @Schema(enumeration = {"period", "cumulative", "plan"}) String basis,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate asOf,
        @Schema(description = "First day the claim covers; absent: from the beginning") LocalDate spanStart,
        @Schema(description = "Last day the claim covers; absent: not stated (open)") LocalDate spanEnd,
        @Schema(description = "Whether the total adds this claim up") boolean used,
        @Schema(description = "Why not, when unused",
                enumeration = {"overlapped", "duplicate", "conflict", "plan", "child_pairs_larger", "part"}) String reason,
        @Schema(description = "For a duplicate or conflict: the claim preferred to it") String insteadOf,
        @Schema(description = "True when claims for the same span disagree (kept and flagged, never averaged)")
        boolean conflicted,
        @Schema(description = "How far the counted statement can be trusted unchecked; facts that do not say are high",
                enumeration = {"high", "medium", "low"}) String confidence,
        @Schema(description = "Short codes saying why the confidence is not high, e.g. party_from_context")
        List<String> confidenceReasons,
        @Schema(description = "For a part of a stated total: the fact id of that total (same report); a part is never "
                + "added to its whole") String partOf,
        List<SourceView> sources,
        @Schema(enumeration = {"machine", "analyst"},
                description = "Who put the counted statement there: an extractor, or an analyst who added it") String origin,
        @Schema(description = "The counted statement's review; each source has its own") ReviewView review,
        @Schema(description = "The counted statement in facts-service's report view, where an analyst can check it",
                example = "http://localhost:8082/review/report.html?id=r-1&fact=f-1") String reviewUrl) {
}
