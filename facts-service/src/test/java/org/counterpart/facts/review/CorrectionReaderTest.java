package org.counterpart.facts.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a correction may say, field by field: each row a client's field and what the reader makes of it. */
class CorrectionReaderTest {

    private static final CorrectionReader READER = new CorrectionReader(Gazetteer.fromClasspath());

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("metric", "goodwill", "unknown metric"),
                Arguments.of("metric", "", "non-empty"),
                Arguments.of("value", -1, "negative"),
                Arguments.of("value", "twelve", "not a number"),
                Arguments.of("value", "1e30", "too large"),
                Arguments.of("qualifier", "roughly", "exact, approximate"),
                Arguments.of("basis", "forecast", "unknown basis"),
                Arguments.of("periodStart", "2020-02-30", "ISO date"),
                Arguments.of("asOf", "last year", "ISO date"),
                Arguments.of("donor", "Atlantis", "exactly one region"),
                // two prefectures share the English spelling (苏州 in Jiangsu, 宿州 in Anhui)
                Arguments.of("donor", "Suzhou", "exactly one region"),
                Arguments.of("recipient", 520600, "region code or name"),
                Arguments.of("recipient", Map.of("name", "Three cities", "members", List.of("520600", "nowhere")),
                        "group member"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("refused")
    void refusesWithAReasonNamingTheField(String field, Object value, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(field, value);
        CorrectionReader.Result result = READER.read(fields);
        assertEquals(1, result.refusals().size(), result.refusals().toString());
        assertEquals(field, result.refusals().get(0).field());
        assertTrue(result.refusals().get(0).reason().contains(reason), result.refusals().get(0).reason());
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("value", "408000000", "value", new BigDecimal("408000000")),
                Arguments.of("value", 1.5, "value", new BigDecimal("1.5")),
                Arguments.of("periodEnd", "2021-12-31", "periodEnd", LocalDate.of(2021, 12, 31)),
                Arguments.of("donor", "320500", "donor", "320500"),
                Arguments.of("donor", "苏州", "donor", "320500"),
                Arguments.of("recipient", "Tongren", "recipient", "520600"),
                Arguments.of("recipient", "铜仁", "recipient", "520600"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("accepted")
    void readsWhatItAccepts(String field, Object value, String property, Object expected) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(field, value);
        CorrectionReader.Result result = READER.read(fields);
        assertTrue(result.accepted(), result.refusals().toString());
        Correction c = result.correction();
        Object actual = switch (property) {
            case "value" -> c.value();
            case "periodEnd" -> c.periodEnd();
            case "donor" -> c.donor().code();
            case "recipient" -> c.recipient().code();
            default -> throw new IllegalArgumentException(property);
        };
        assertEquals(expected, actual);
    }

    @org.junit.jupiter.api.Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        CorrectionReader.Result result = READER.read(Map.of("periodStart", "2021-01-01", "periodEnd", "2020-12-31"));
        assertEquals(List.of("periodEnd"), result.refusals().stream().map(CorrectionReader.Refusal::field).toList());
    }

    @org.junit.jupiter.api.Test
    void aStoredCorrectionReadsBackAsItself() {
        Correction c = READER.read(Map.of("value", "46000000", "recipient",
                Map.of("name", "Two prefectures", "members", List.of("520600", "520200")))).correction();
        Correction again = READER.read(c.asFields()).correction();
        assertEquals(c, again);
        assertEquals("group", again.recipient().level());
        assertEquals(Correction.NONE.then(c), c, "laid over nothing, a correction is itself");
        Correction later = READER.read(Map.of("value", "47000000")).correction();
        assertEquals(new BigDecimal("47000000"), c.then(later).value());
        assertEquals(c.recipient(), c.then(later).recipient(), "fields the later one leaves alone stay");
    }
}
