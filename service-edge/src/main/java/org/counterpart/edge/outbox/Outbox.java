package org.counterpart.edge.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.counterpart.edge.OutboxSettings;

/**
 * Where a service records the events it publishes, in the transaction of the change they announce. The service
 * only records; the {@link OutboxRelay} publishes. An event over the size limit is refused here, before anything
 * is written, rather than accepted and then refused by Kafka where no caller can be told.
 */
@IfBuildProperty(name = "counterpart.outbox.publishes", stringValue = "true")
@ApplicationScoped
public class Outbox {

    private final int maxEventBytes;
    private final ObjectMapper json;
    private final Event<OutboxEvent.Written> written;

    public Outbox(OutboxSettings settings, ObjectMapper json, Event<OutboxEvent.Written> written) {
        this.maxEventBytes = settings.maxEventBytes();
        this.json = json;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent record(OutgoingEvent event) {
        OutboxEvent row = row(event);
        row.persist();
        // Observed after commit: wakes the relay instead of waiting for its next poll.
        written.fire(new OutboxEvent.Written());
        return row;
    }

    /** The row an event becomes: its payload serialised as it will be published, refused if over the limit. */
    protected OutboxEvent row(OutgoingEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A " + event.type() + " event always serialises", e);
        }
        long bytes = utf8Length(payload);
        if (bytes > maxEventBytes) {
            throw new EventTooLargeException(event.type(), bytes, maxEventBytes);
        }
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = event.topic();
        row.key = event.key();
        row.type = event.type();
        row.aggregateId = event.aggregateId();
        row.createdAt = event.occurredAt();
        row.payload = payload;
        return row;
    }

    public int maxEventBytes() {
        return maxEventBytes;
    }

    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
