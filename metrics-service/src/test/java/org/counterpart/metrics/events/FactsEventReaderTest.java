package org.counterpart.metrics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FactsEventReaderTest {

    private final FactsEventReader reader = new FactsEventReader(new ObjectMapper().findAndRegisterModules());

    private static final String EVENT = """
            { "eventId": "e-1", "type": "FactsReplaced", "reportId": "r-1", "revision": 17,
              "extractorVersion": "1.0.0", "occurredAt": "2026-11-22T10:00:00Z", "somethingNew": {"x": 1},
              "facts": [ { "id": "f-1", "reportId": "r-1", "metric": "funds_cny", "value": 487000000, "unit": "CNY",
                  "qualifier": "exact", "basis": "cumulative", "periodStart": "2016-01-01", "periodEnd": null,
                  "asOf": "2020-04-30", "valueAsWritten": "4.87亿元",
                  "donor": {"name": "Dalian", "code": "210200", "level": "prefecture"},
                  "recipient": {"name": "Liupanshui", "code": "520200", "level": "prefecture"},
                  "evidence": {"sentence": "<b>Dalian</b> gave 4.87亿元", "start": 120, "end": 190},
                  "extractorVersion": "1.0.0" } ] }
            """;

    @Test
    void readsAFactsEventAndIgnoresUnknownFields() {
        FactsEvent event = reader.read("r-1", EVENT);

        assertEquals("e-1", event.eventId());
        assertEquals(17L, event.revision());
        FactMessage fact = event.currentFacts().get(0);
        assertEquals(new BigDecimal("487000000"), fact.value());
        assertEquals(LocalDate.of(2020, 4, 30), fact.asOf());
        assertEquals("520200", fact.recipient().code());
        assertEquals(120, fact.evidence().start());
    }

    @Test
    void aMessageWithoutKeyIsAccepted() {
        assertEquals("r-1", reader.read(null, EVENT).reportId());
    }

    @Test
    void aRetractionMakesNoFactsCurrentWhateverItCarries() {
        FactsEvent event = reader.read("r-1", EVENT.replace("FactsReplaced", "FactsRetracted"));

        assertTrue(event.isRetraction());
        assertTrue(event.currentFacts().isEmpty());
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        assertThrows(MalformedEventException.class, () -> reader.read("r-1", "{not json"));
        assertThrows(MalformedEventException.class, () -> reader.read("r-1", "null"));
        assertThrows(MalformedEventException.class, () -> reader.read("r-1", ""));
        assertThrows(MalformedEventException.class, () -> reader.read("r-1", null));
    }

    @Test
    void aKeyThatIsNotTheReportIdIsMalformed() {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> reader.read("r-2", EVENT));
        assertTrue(e.getMessage().contains("record key r-2"), e.getMessage());
    }

    @Test
    void contractBreachesAreAllNamed() {
        String broken = EVENT.replace("\"revision\": 17,", "")
                .replace("\"basis\": \"cumulative\"", "\"basis\": \"estimate\"")
                .replace("\"unit\": \"CNY\",", "");

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> reader.read("r-1", broken));

        assertTrue(e.getMessage().contains("revision is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("facts[0].basis Unknown basis: estimate"), e.getMessage());
        assertTrue(e.getMessage().contains("facts[0].unit is missing"), e.getMessage());
    }

    @Test
    void anUnknownEventTypeIsMalformed() {
        assertThrows(MalformedEventException.class, () -> reader.read("r-1", EVENT.replace("FactsReplaced", "FactsDeleted")));
    }

    @Test
    void aValueThatIsNotANumberIsMalformed() {
        assertThrows(MalformedEventException.class,
                () -> reader.read("r-1", EVENT.replace("487000000", "\"lots\"")));
    }

    @Test
    void aFactOfAnotherReportIsMalformed() {
        assertThrows(MalformedEventException.class,
                () -> reader.read("r-1", EVENT.replace("\"id\": \"f-1\", \"reportId\": \"r-1\"", "\"id\": \"f-1\", \"reportId\": \"r-9\"")));
    }
}
