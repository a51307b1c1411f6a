package org.counterpart.facts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.counterpart.facts.ledger.Extraction;
import org.counterpart.facts.ledger.Fact;
import org.counterpart.facts.ledger.FactDocument;

/** Maps a report's recorded facts to an outbox row for the {@code facts} topic. */
@ApplicationScoped
public class FactEvents {

    public static final String TOPIC = "facts";

    private final ObjectMapper json;
    private final Event<OutboxEvent.Written> outboxWritten;

    public FactEvents(ObjectMapper json, Event<OutboxEvent.Written> outboxWritten) {
        this.json = json;
        this.outboxWritten = outboxWritten;
    }

    public OutboxEvent replaced(Extraction extraction, List<Fact> facts) {
        // A report with no facts is announced too: a re-extraction that finds none must clear what subscribers hold.
        return outbox(extraction, FactsEvent.REPLACED, facts.stream().map(f -> FactDocument.of(f, json)).toList());
    }

    /** The report was deleted: an empty fact set tells subscribers to drop everything they hold for it. */
    public OutboxEvent retracted(Extraction extraction) {
        return outbox(extraction, FactsEvent.RETRACTED, List.of());
    }

    private OutboxEvent outbox(Extraction extraction, String type, List<FactDocument> documents) {
        FactsEvent event = new FactsEvent(UUID.randomUUID(), type, extraction.reportId, extraction.revision,
                extraction.extractorVersion, Instant.now(), documents);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = TOPIC;
        row.key = extraction.reportId.toString();
        row.type = type;
        row.aggregateId = extraction.reportId;
        row.createdAt = event.occurredAt();
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A facts event always serialises", e);
        }
        outboxWritten.fire(new OutboxEvent.Written());
        return row;
    }
}
