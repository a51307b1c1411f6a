package org.counterpart.metrics.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.edge.access.RequiresRole;
import org.counterpart.edge.access.Role;
import org.counterpart.metrics.inbound.TopicFactsSource;
import org.counterpart.metrics.projection.ProjectionRebuild;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/admin")
@Tag(name = "Admin", description = "Operating the projection")
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    private final ProjectionRebuild rebuild;
    private final TopicFactsSource topic;
    private final TotalsChangeFeed changes;

    public AdminResource(ProjectionRebuild rebuild, TopicFactsSource topic, TotalsChangeFeed changes) {
        this.rebuild = rebuild;
        this.topic = topic;
        this.changes = changes;
    }

    /**
     * What a rebuild did.
     *
     * @param events         replayed events by outcome
     * @param skipped        messages skipped: unreadable, breaking the rules, rejected or refused by the database
     * @param skippedReasons those messages by reason
     */
    public record RebuildReport(Map<String, Long> events, long skipped, Map<String, Long> skippedReasons, long millis) {
    }

    @POST
    @Path("/rebuild")
    @RequiresRole(Role.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the projection from the facts topic",
            description = "Clears the current facts and replays topic facts from its beginning to its current end with "
                    + "a fresh consumer (no consumer group), through the same code that applies live events, in one "
                    + "transaction: readers see the old totals until the rebuilt ones commit; live events wait and are "
                    + "applied after. Answers when done, with events by outcome (replaced, retracted, duplicate, stale) "
                    + "and the messages skipped, by reason: unreadable, breaking the contract or the bounds of facts "
                    + "events (unknown_metric, value_out_of_bounds, text_too_long, control_character, ...), rejected "
                    + "(revision_step) or refused by the database (failed_to_apply). One such message never fails "
                    + "the rebuild.")
    public RebuildReport rebuild() {
        long start = System.nanoTime();
        ProjectionRebuild.Outcome outcome = rebuild.rebuild(topic);
        long millis = (System.nanoTime() - start) / 1_000_000;
        changes.rebuilt();
        LOG.infof("Projection rebuilt in %d ms: %s, skipped %s", millis, outcome.events(), outcome.skipped());
        return new RebuildReport(outcome.events().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().tag(), Map.Entry::getValue)), outcome.skippedCount(),
                new TreeMap<>(outcome.skipped()), millis);
    }
}
