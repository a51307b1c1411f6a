package org.counterpart.metrics.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of GET /totals/stream: totals that changed. */
@Schema(name = "TotalsChange", description = "Totals that changed because facts of reports changed")
public record TotalsChange(
        @Schema(enumeration = {"facts", "rebuild"}, description = "facts: reports' facts changed; rebuild: everything may have")
        String cause,
        @Schema(description = "Reports whose facts changed") List<String> reportIds,
        @Schema(description = "The new totals of the affected pairs and of the pairs they roll up into; "
                + "a pair whose last claim went away is absent") List<TotalRow> totals) {
}
