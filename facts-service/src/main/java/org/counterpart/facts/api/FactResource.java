package org.counterpart.facts.api;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.facts.ledger.FactDocument;
import org.counterpart.facts.ledger.FactQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/facts")
@Tag(name = "Facts", description = "Cooperation records extracted from reports, each with its evidence sentence")
public class FactResource {

    private static final int MAX_ROWS = 10_000;

    private final ObjectMapper json;

    public FactResource(ObjectMapper json) {
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Current facts, filtered by report, donor, recipient (name or GB/T 2260 code; a group also "
            + "by a member's), metric and confidence")
    public List<FactDocument> facts(
            @Parameter(description = "report id (UUID)") @QueryParam("reportId") String reportId,
            @Parameter(description = "donor region name or code; a group by its name or a member's name or code")
            @QueryParam("donor") String donor,
            @Parameter(description = "recipient region name or code; a group by its name or a member's name or code")
            @QueryParam("recipient") String recipient,
            @Parameter(description = "metric code, e.g. funds_cny") @QueryParam("metric") String metric,
            @Parameter(description = "high, medium or low: facts at least this confident (default: all)")
            @QueryParam("minConfidence") String minConfidence) {
        FactQuery query = new FactQuery(QueryParameters.reportId(reportId), QueryParameters.party("donor", donor),
                QueryParameters.party("recipient", recipient), QueryParameters.metric(metric),
                QueryParameters.minConfidence(minConfidence));
        return query.run(MAX_ROWS).stream().map(f -> FactDocument.of(f, json)).toList();
    }
}
