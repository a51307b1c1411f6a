package org.counterpart.edge.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An outbox row as the Kafka record subscribers receive: a CloudEvent in binary mode (attributes in ce_* headers,
 * the payload as it is), written by the CloudEvents SDK. Kept apart from the relay so that contract tests build a
 * provider's messages through the very code that publishes them.
 */
public final class CloudEventRecord {

    private CloudEventRecord() {
    }

    /**
     * @param type       the full CloudEvents type (topic prefix + the event's own type)
     * @param dataSchema absolute URI of the payload's JSON Schema (CloudEvents 1.0 requires a URI)
     */
    public static ProducerRecord<String, byte[]> of(OutboxEvent event, String type, URI source, URI dataSchema) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.eventId.toString())
                .withSource(source)
                .withType(type)
                .withSubject(event.aggregateId.toString())
                .withTime(event.createdAt.atOffset(ZoneOffset.UTC))
                .withDataSchema(dataSchema)
                .withDataContentType("application/json")
                .withData(event.payload.getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.<String>createWriter(event.topic, event.key).writeBinary(cloudEvent);
    }
}
