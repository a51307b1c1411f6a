package org.counterpart.facts.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: the event's attributes travel as ce_* headers. */
final class CloudEventHeaders {

    static final String SOURCE = "/facts-service";
    static final String TYPE_PREFIX = "org.counterpart.facts.";

    private CloudEventHeaders() {
    }

    static void write(Headers headers, OutboxEvent event) {
        put(headers, "ce_specversion", "1.0");
        put(headers, "ce_id", event.eventId.toString());
        put(headers, "ce_source", SOURCE);
        put(headers, "ce_type", TYPE_PREFIX + event.type);
        put(headers, "ce_subject", event.aggregateId.toString());
        put(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.createdAt));
        put(headers, "ce_dataschema", "/schemas/facts-event.schema.json");
        put(headers, "content-type", "application/json");
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
