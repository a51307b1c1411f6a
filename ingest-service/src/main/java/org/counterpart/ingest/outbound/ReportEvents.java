package org.counterpart.ingest.outbound;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import org.counterpart.edge.outbox.Outbox;
import org.counterpart.edge.outbox.OutgoingEvent;
import org.counterpart.ingest.report.Report;
import org.counterpart.ingest.report.ReportAnnouncements;

/** Maps report changes to events on the {@code reports} topic, recorded in the outbox. */
@ApplicationScoped
public class ReportEvents implements ReportAnnouncements {

    public static final String TOPIC = "reports";

    private final Outbox outbox;

    public ReportEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void submitted(Report report) {
        ReportEvent event = new ReportEvent(UUID.randomUUID(), ReportEvent.SUBMITTED, report.id, report.receivedAt,
                report.text, report.title, report.language, report.sourceUrl, report.publishedAt, report.receivedAt,
                report.contentHash);
        record(event);
    }

    @Override
    public void deleted(Report report) {
        ReportEvent event = new ReportEvent(UUID.randomUUID(), ReportEvent.DELETED, report.id, Instant.now(), null,
                null, null, null, null, null, report.contentHash);
        record(event);
    }

    private void record(ReportEvent event) {
        outbox.record(new OutgoingEvent(event.eventId(), TOPIC, event.reportId().toString(), event.type(),
                event.reportId(), event.occurredAt(), event));
    }
}
