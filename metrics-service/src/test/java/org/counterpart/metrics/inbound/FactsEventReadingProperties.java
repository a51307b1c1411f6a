package org.counterpart.metrics.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.counterpart.metrics.message.FactsEvent;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Whatever a producer writes to the facts topic, reading it either yields an event that keeps the contract or a
 * MalformedEventException, which is dead-lettered: never another exception, which would be retried as if the
 * database were away.
 */
class FactsEventReadingProperties {

    private final FactsEventReader reader = new FactsEventReader(new ObjectMapper().findAndRegisterModules());

    private void readingHoldsItsPromise(String key, String value) {
        try {
            FactsEvent event = reader.read(key, value);
            assertNotNull(event);
        } catch (MalformedEventException expected) {
            // dead-lettered with its reason
        }
    }

    @Property(tries = 500)
    void anyString(@ForAll("keys") String key, @ForAll String value) {
        readingHoldsItsPromise(key, value);
    }

    @Property(tries = 500)
    void eventsWithHostileFields(@ForAll("ids") String eventId, @ForAll("types") String type,
                                 @ForAll("numbers") String revision, @ForAll("numbers") String value,
                                 @ForAll("texts") String metric, @ForAll("texts") String donor,
                                 @ForAll("texts") String date) {
        String json = """
                {"eventId":%s,"type":%s,"reportId":"r-1","revision":%s,"facts":[{"id":"f-1","metric":%s,\
                "value":%s,"unit":"CNY","qualifier":"exact","basis":"period","periodStart":%s,\
                "donor":{"name":%s,"code":"440300","level":"prefecture"},\
                "recipient":{"name":"Baise","code":"451000","level":"prefecture"}}]}"""
                .formatted(eventId, type, revision, metric, value, date, donor);
        readingHoldsItsPromise("r-1", json);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of("r-1", "", "x".repeat(300)), Arbitraries.strings().ofMaxLength(40))
                .injectNull(0.2);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.of("\"e-1\"", "null", "1", "\"\"", "[]", "{}", "\"" + "e".repeat(500) + "\"");
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("\"FactsReplaced\"", "\"FactsRetracted\"", "\"Other\"", "null", "42");
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.of("1", "0", "-1", "1e400", "9223372036854775808", "\"7\"", "null", "1.5", "NaN", "[]");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\""),
                Arbitraries.of("null", "\"funds_cny\"", "\"2020-02-30\"", "\"<script>alert(1)</script>\"", "{}",
                        "\"'; DROP TABLE current_fact; --\""));
    }
}
