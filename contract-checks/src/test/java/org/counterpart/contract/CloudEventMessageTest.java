package org.counterpart.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CloudEventMessageTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("conforming", UnaryOperator.<CloudEventBuilder>identity(), List.of()),
                Arguments.of("relative dataschema", (UnaryOperator<CloudEventBuilder>) b -> b.withDataSchema(URI.create("/schemas/x.json")),
                        List.of("dataschema '/schemas/x.json' is not an absolute URI (CloudEvents 1.0: format uri)")),
                Arguments.of("empty subject", (UnaryOperator<CloudEventBuilder>) b -> b.withSubject(""),
                        List.of("subject is present but empty")),
                Arguments.of("content type without subtype", (UnaryOperator<CloudEventBuilder>) b -> b.withDataContentType("json"),
                        List.of("datacontenttype 'json' is not an RFC 2046 media type")),
                Arguments.of("no dataschema at all is allowed", (UnaryOperator<CloudEventBuilder>) b -> b.withoutDataSchema(),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void holdsEachAttributeToTheSpecification(String name, UnaryOperator<CloudEventBuilder> change, List<String> expected) {
        assertEquals(expected, CloudEventMessage.read(record(change.apply(conforming()))).problems());
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsNotAnEvent() {
        ConsumerRecord<String, String> plain = new ConsumerRecord<>("facts", 0, 0, "k", "{}");
        assertThrows(IllegalArgumentException.class, () -> CloudEventMessage.read(plain));
    }

    @Test
    void givesTheDataAndTheSchemaPath() {
        CloudEventMessage message = CloudEventMessage.read(record(conforming()));
        assertEquals("{\"a\":1}", message.data());
        assertEquals("/schemas/x.json", message.dataSchemaPath().orElseThrow());
    }

    private static CloudEventBuilder conforming() {
        return CloudEventBuilder.v1()
                .withId("e-1")
                .withSource(URI.create("/ingest-service"))
                .withType("org.counterpart.reports.ReportSubmitted")
                .withSubject("r-1")
                .withTime(OffsetDateTime.parse("2026-01-02T03:04:05Z"))
                .withDataSchema(URI.create("http://localhost:8081/schemas/x.json"))
                .withDataContentType("application/json")
                .withData("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> record(CloudEventBuilder builder) {
        ProducerRecord<String, byte[]> sent = KafkaMessageFactory.<String>createWriter("reports", "k").writeBinary(builder.build());
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), sent.value());
        sent.headers().forEach(h -> received.headers().add(h));
        return received;
    }
}
