package org.counterpart.metrics.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.metrics.projection.CurrentTotals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/totals")
@Tag(name = "Totals", description = "Running totals over the current facts of current reports")
public class TotalsResource {

    private final CurrentTotals currentTotals;

    public TotalsResource(CurrentTotals currentTotals) {
        this.currentTotals = currentTotals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Totals per donor, recipient and metric",
            description = "Plan figures never count; the same claim stated by several reports counts once. "
                    + "Sorted by metric, then largest total first.")
    @APIResponse(responseCode = "200", description = "The matching totals, possibly none",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TotalRow.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TotalRow> totals(
            @Parameter(description = "Metric code, e.g. funds_cny") @QueryParam("metric") String metric,
            @Parameter(description = "Donor name or administrative code, ignoring case") @QueryParam("donor") String donor,
            @Parameter(description = "Recipient name or administrative code, ignoring case") @QueryParam("recipient") String recipient) {
        TotalsQuery query = TotalsQuery.of(metric, donor, recipient);
        return currentTotals.totals(query.metric()).stream()
                .filter(query::matches)
                .sorted(TotalsQuery.ORDER)
                .map(TotalRow::of)
                .toList();
    }
}
