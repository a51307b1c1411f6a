package org.counterpart.facts.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.counterpart.edge.access.RequiresRole;
import org.counterpart.edge.access.Role;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.counterpart.facts.ledger.Fact;
import org.counterpart.facts.ledger.FactDocument;
import org.counterpart.facts.ledger.FactHistory;
import org.counterpart.facts.ledger.FactReviews;
import org.counterpart.facts.review.ReviewAction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Analysts' review of one fact: confirm, correct or reject it, and read its history. Reviews need the reviewer role;
 * the reviewer's key name is recorded as "by". Shared request checks are package-private for the other review
 * resources (an added fact, the queue).
 */
@Path("/facts/{id}")
@Tag(name = "Review", description = "Analysts confirm, correct or reject facts and add the ones the machine missed")
public class ReviewResource {

    private final FactReviews reviews;
    private final ObjectMapper json;

    public ReviewResource(FactReviews reviews, ObjectMapper json) {
        this.reviews = reviews;
        this.json = json;
    }

    @POST
    @Path("review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.REVIEWER)
    @Operation(summary = "Confirm, correct or reject a fact: {\"action\": \"confirm\"|\"correct\"|\"reject\", "
            + "\"note\"?, and for correct any of metric, value, unit, qualifier, basis, periodStart, periodEnd, asOf, "
            + "donor, recipient}. A new revision of the report's facts is published.")
    @APIResponse(responseCode = "200", description = "The fact as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FactDocument.class)))
    @APIResponse(responseCode = "400", description = "Unknown action or field, or a correction that does not read")
    @APIResponse(responseCode = "404", description = "No such fact (a rerun replaces fact ids) or report deleted")
    @APIResponse(responseCode = "409", description = "The correction would put a second fact of its metric at the figure")
    public FactDocument review(@PathParam("id") String id, Map<String, Object> body,
                               @Context SecurityContext caller) {
        UUID factId = uuid(id, "fact");
        Map<String, Object> fields = new LinkedHashMap<>(body == null ? Map.of() : body);
        ReviewAction action = action(fields.remove("action"));
        String note = ReviewRequests.note(fields.remove("note"));
        ReviewRequests.unknownFields(fields);
        Fact fact = ReviewRequests.refusedAsProblem(() -> reviews.review(factId, action, fields, note, ReviewRequests.by(caller)))
                .orElseThrow(() -> ProblemException.notFound("No fact " + id + " (a rerun replaces fact ids: "
                        + "read the report's facts again)."));
        return FactDocument.of(fact, json);
    }

    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Every machine reading of the fact's figure (one per extraction) and every review of it, "
            + "with who and when")
    @APIResponse(responseCode = "200", description = "The readings and reviews of the fact's figure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FactHistory.class)))
    @APIResponse(responseCode = "404", description = "No fact of that id was ever recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FactHistory history(@PathParam("id") String id) {
        UUID factId = uuid(id, "fact");
        return FactHistory.of(factId, json)
                .orElseThrow(() -> ProblemException.notFound("No fact " + id + " was ever recorded here."));
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No " + what + " " + id + ".");
        }
    }

    private static ReviewAction action(Object raw) {
        if (raw instanceof String s) {
            for (ReviewAction a : ReviewAction.values()) {
                if (a.name().equalsIgnoreCase(s.trim())) return a;
            }
        }
        throw new ProblemException(ProblemType.INVALID_REQUEST, "action must be confirm, correct or reject.",
                List.of(new Problem.InvalidParam("action", "confirm | correct | reject")));
    }

}
