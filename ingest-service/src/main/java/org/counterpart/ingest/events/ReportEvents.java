package org.counterpart.ingest.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.ingest.report.Report;

/** Maps report changes to outbox rows for the {@code reports} topic. */
@ApplicationScoped
public class ReportEvents {

    public static final String TOPIC = "reports";

    private final ObjectMapper json;

    public ReportEvents(ObjectMapper json) {
        this.json = json;
    }

    public OutboxEvent submitted(Report report) {
        ReportEvent event = new ReportEvent(UUID.randomUUID(), ReportEvent.SUBMITTED, report.id, report.receivedAt,
                report.text, report.title, report.language, report.sourceUrl, report.publishedAt, report.receivedAt,
                report.contentHash);
        return outbox(event.eventId(), event.type(), report.id, event);
    }

    public OutboxEvent deleted(Report report) {
        Instant now = Instant.now();
        ReportEvent event = new ReportEvent(UUID.randomUUID(), ReportEvent.DELETED, report.id, now, null, null, null,
                null, null, null, report.contentHash);
        return outbox(event.eventId(), event.type(), report.id, event);
    }

    private OutboxEvent outbox(UUID eventId, String type, UUID reportId, Object event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = TOPIC;
        row.key = reportId.toString();
        row.type = type;
        row.aggregateId = reportId;
        row.createdAt = Instant.now();
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report event always serialises", e);
        }
        return row;
    }
}
