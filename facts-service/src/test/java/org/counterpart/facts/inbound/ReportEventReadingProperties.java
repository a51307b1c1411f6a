package org.counterpart.facts.inbound;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Whatever a producer writes to the reports topic, reading it either yields a usable event (or a type to ignore)
 * or a MalformedReportEvent, which is dead-lettered: never another exception, which would be retried as if the
 * database were away.
 */
class ReportEventReadingProperties {

    private final ReportConsumer consumer = new ReportConsumer(null,
            new ObjectMapper().registerModule(new JavaTimeModule()), new SimpleMeterRegistry(), 1,
            Duration.ofMillis(1), Duration.ofMillis(1));

    private void readingHoldsItsPromise(String value) {
        try {
            ReportEvent event = consumer.read(new ConsumerRecord<>("reports", 0, 0L, "key", value));
            if (event != null) {
                assertNotNull(event.eventId());
                assertNotNull(event.reportId());
                assertTrue(ReportEvent.DELETED.equals(event.type())
                        || (event.text() != null && !event.text().isBlank()));
            }
        } catch (MalformedReportEvent expected) {
            // dead-lettered with its reason
        }
    }

    @Property(tries = 500)
    void anyString(@ForAll String value) {
        readingHoldsItsPromise(value);
    }

    @Property(tries = 500)
    void eventsWithHostileFields(@ForAll("ids") String eventId, @ForAll("ids") String reportId,
                                 @ForAll("types") String type, @ForAll("values") String text,
                                 @ForAll("values") String publishedAt) {
        String json = "{\"eventId\":" + eventId + ",\"reportId\":" + reportId + ",\"type\":" + type
                + ",\"text\":" + text + ",\"publishedAt\":" + publishedAt + "}";
        readingHoldsItsPromise(json);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.of("\"0b6f6a6e-0c1e-4f7e-9a55-0d0f2b0b9a11\"", "null", "1", "\"\"",
                "\"not-a-uuid\"", "[]", "{}", "\"0b6f6a6e-0c1e-4f7e-9a55-0d0f2b0b9a11x\""));
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("\"ReportSubmitted\"", "\"ReportDeleted\"", "\"SomethingNew\"", "null", "42", "[]");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(50).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\""),
                Arbitraries.of("null", "\"2020-02-30\"", "\"9999-99-99\"", "\"\"", "\"   \"", "1e400", "{}", "[1,2]",
                        "\"<script>alert(1)</script>\"", "\"'; DROP TABLE fact; --\""));
    }
}
