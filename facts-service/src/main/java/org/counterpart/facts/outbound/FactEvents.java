package org.counterpart.facts.outbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.edge.outbox.Outbox;
import org.counterpart.edge.outbox.OutgoingEvent;
import org.counterpart.facts.ledger.Extraction;
import org.counterpart.facts.ledger.Fact;
import org.counterpart.facts.ledger.FactAnnouncements;
import org.counterpart.facts.ledger.FactDocument;

/** Maps a report's recorded facts to events on the {@code facts} topic, recorded in the outbox. */
@ApplicationScoped
public class FactEvents implements FactAnnouncements {

    public static final String TOPIC = "facts";

    private final ObjectMapper json;
    private final Outbox outbox;

    public FactEvents(ObjectMapper json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
    }

    @Override
    public void replaced(Extraction extraction, LocalDate publishedAt, List<Fact> facts) {
        // A report with no facts is announced too: a re-extraction that finds none must clear what subscribers hold.
        record(extraction, FactsEvent.REPLACED, publishedAt, facts.stream().map(f -> FactDocument.of(f, json)).toList());
    }

    @Override
    public void retracted(Extraction extraction) {
        // The report is gone, and its date with it: subscribers drop the report as a whole.
        record(extraction, FactsEvent.RETRACTED, null, List.of());
    }

    private void record(Extraction extraction, String type, LocalDate publishedAt, List<FactDocument> documents) {
        FactsEvent event = new FactsEvent(UUID.randomUUID(), type, extraction.reportId, extraction.revision,
                extraction.extractorVersion, Instant.now(), publishedAt, documents);
        outbox.record(new OutgoingEvent(event.eventId(), TOPIC, extraction.reportId.toString(), type,
                extraction.reportId, event.occurredAt(), event));
    }
}
