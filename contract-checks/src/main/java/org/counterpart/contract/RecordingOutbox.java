package org.counterpart.contract;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.counterpart.edge.OutboxSettings;
import org.counterpart.edge.outbox.CloudEventRecord;
import org.counterpart.edge.outbox.Outbox;
import org.counterpart.edge.outbox.OutboxEvent;
import org.counterpart.edge.outbox.OutgoingEvent;

/**
 * The outbox without a database, for a provider's contract test: the service's own announcer records its events
 * here, and each comes back as the Kafka record the relay would publish (same serialisation, same CloudEvents
 * writer), so what is verified against a consumer's pact is what the service really sends.
 */
public final class RecordingOutbox extends Outbox {

    /** Jackson as Quarkus sets it up for the services: modules found, dates as ISO strings. */
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final List<OutboxEvent> rows = new ArrayList<>();

    public RecordingOutbox() {
        super(settings(), JSON, null);
    }

    @Override
    public OutboxEvent record(OutgoingEvent event) {
        OutboxEvent row = row(event);
        rows.add(row);
        return row;
    }

    /**
     * The last event recorded, as published.
     *
     * @param typePrefix and the other arguments as the service's configuration gives them
     */
    public ProducerRecord<String, byte[]> lastPublished(String typePrefix, URI source, URI dataSchema) {
        if (rows.isEmpty()) {
            throw new IllegalStateException("nothing was recorded");
        }
        OutboxEvent row = rows.get(rows.size() - 1);
        return CloudEventRecord.of(row, typePrefix + row.type, source, dataSchema);
    }

    /** A record's headers as message metadata (header name to text), plus the payload's content type. */
    public static Map<String, Object> metadata(ProducerRecord<String, byte[]> record) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            metadata.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        Object contentType = metadata.get("content-type");
        metadata.put("contentType", contentType == null ? "application/json" : contentType);
        return metadata;
    }

    private static OutboxSettings settings() {
        // Only the size limit is read by the outbox itself; the default a service runs with.
        return (OutboxSettings) Proxy.newProxyInstance(OutboxSettings.class.getClassLoader(),
                new Class<?>[] {OutboxSettings.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "maxEventBytes" -> 3145728;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
