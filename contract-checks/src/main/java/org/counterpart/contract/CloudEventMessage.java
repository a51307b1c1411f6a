package org.counterpart.contract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A Kafka record read the way a subscriber reads it, with the CloudEvents SDK's Kafka binding, then held to what
 * CloudEvents 1.0 requires of each attribute. The Java SDK checks some rules itself (specversion, extension names)
 * but takes a path as {@code dataschema}; the rules below are the ones the other official SDKs enforce too, from the
 * specification's attribute table.
 */
public final class CloudEventMessage {

    /** RFC 2046 media type: type "/" subtype, optional parameters. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?");

    private final CloudEvent event;

    private CloudEventMessage(CloudEvent event) {
        this.event = event;
    }

    /**
     * Reads the record with the SDK (binary or structured mode, as its headers say).
     *
     * @throws IllegalArgumentException when the SDK cannot read it as a CloudEvent at all
     */
    public static CloudEventMessage read(ConsumerRecord<String, ?> record) {
        byte[] value = record.value() instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) record.value();
        ConsumerRecord<String, byte[]> raw = new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                record.timestamp(), record.timestampType(), record.serializedKeySize(), record.serializedValueSize(),
                record.key(), value, new RecordHeaders(record.headers().toArray()), record.leaderEpoch());
        try {
            return new CloudEventMessage(KafkaMessageFactory.createReader(raw).toEvent());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvent (" + record.topic() + "@" + record.offset() + "): "
                    + e.getMessage(), e);
        }
    }

    public CloudEvent event() {
        return event;
    }

    public String data() {
        return event.getData() == null ? null : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }

    /** What breaks CloudEvents 1.0, one line each; empty when the event conforms. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (event.getSpecVersion() != SpecVersion.V1) {
            problems.add("specversion is " + event.getSpecVersion() + ", not 1.0");
        }
        nonEmpty("id", event.getId(), problems);
        nonEmpty("type", event.getType(), problems);
        if (event.getSource() == null || event.getSource().toString().isEmpty()) {
            problems.add("source is missing or empty (a non-empty URI-reference is required)");
        }
        Optional.ofNullable(event.getDataSchema()).ifPresent(schema -> {
            if (!schema.isAbsolute()) {
                problems.add("dataschema '" + schema + "' is not an absolute URI (CloudEvents 1.0: format uri)");
            }
        });
        if (event.getSubject() != null && event.getSubject().isEmpty()) {
            problems.add("subject is present but empty");
        }
        if (event.getDataContentType() != null && !MEDIA_TYPE.matcher(event.getDataContentType()).matches()) {
            problems.add("datacontenttype '" + event.getDataContentType() + "' is not an RFC 2046 media type");
        }
        return problems;
    }

    private static void nonEmpty(String attribute, String value, List<String> problems) {
        if (value == null || value.isEmpty()) {
            problems.add(attribute + " is missing or empty");
        }
    }

    /** The dataschema's path, for fetching the schema from a service under test on another port. */
    public Optional<String> dataSchemaPath() {
        return Optional.ofNullable(event.getDataSchema()).map(URI::getPath);
    }
}
