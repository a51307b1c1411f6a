package org.counterpart.edge.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.edge.access.RequiresRole;
import org.counterpart.edge.access.Role;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What an operator needs about events the relay could not publish: which, why, and a way to try one again. */
@IfBuildProperty(name = "counterpart.outbox.publishes", stringValue = "true")
@Path("/admin/outbox")
@Tag(name = "Outbox", description = "Events waiting to be published, and those parked")
public class ParkedEventsResource {

    public record ParkedEvent(UUID eventId, String topic, String key, String type, Instant createdAt,
                              Instant parkedAt, String reason, long bytes) {
    }

    public record OutboxState(long pending, long parked, List<ParkedEvent> parkedEvents) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "How many events wait to be published, and the parked ones (oldest 100) with their reason")
    public OutboxState state() {
        List<ParkedEvent> parked = OutboxEvent.parked(100).stream()
                .map(e -> new ParkedEvent(e.eventId, e.topic, e.key, e.type, e.createdAt, e.parkedAt, e.parkReason,
                        Outbox.utf8Length(e.payload)))
                .toList();
        return new OutboxState(OutboxEvent.pending(), OutboxEvent.parkedCount(), parked);
    }

    @POST
    @Path("/parked/{eventId}/retry")
    @RequiresRole(Role.ADMIN) // an operator's repair, not a writer's everyday work
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Puts a parked event back in line, e.g. after the topic's size limit was raised")
    @APIResponse(responseCode = "200", description = "The event as it was parked; it waits to be published again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEvent.class)))
    @APIResponse(responseCode = "404", description = "No parked event of that id (or an id that is not a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEvent retry(@PathParam("eventId") UUID eventId) {
        OutboxEvent event = OutboxEvent.find("eventId", eventId).firstResult();
        if (event == null || event.parkedAt == null) {
            throw ProblemException.notFound("No parked event " + eventId + ".");
        }
        ParkedEvent view = new ParkedEvent(event.eventId, event.topic, event.key, event.type, event.createdAt,
                event.parkedAt, event.parkReason, Outbox.utf8Length(event.payload));
        event.parkedAt = null;
        event.parkReason = null;
        return view;
    }
}
