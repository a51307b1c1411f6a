package org.counterpart.metrics.inbound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.metrics.message.FactMessage;
import org.counterpart.metrics.message.FactsEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactsEventReaderTest {

    private final FactsEventReader reader = new FactsEventReader(new ObjectMapper().findAndRegisterModules());

    private static final String EVENT = """
            { "eventId": "e-1", "type": "FactsReplaced", "reportId": "r-1", "revision": 17,
              "extractorVersion": "1.0.0", "occurredAt": "2026-11-22T10:00:00Z", "publishedAt": "2020-05-06",
              "somethingNew": {"x": 1},
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
        assertEquals(LocalDate.of(2020, 5, 6), event.publishedAt());
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

    static Stream<Arguments> numbersAndTokensAsWritten() {
        return Stream.of(
                Arguments.of("a value of ten trillion yuan", "487000000", "1E+13", null),
                Arguments.of("a value of 1e308", "487000000", "1e308", FactsEventRules.VALUE_OUT_OF_BOUNDS),
                Arguments.of("a value of 1e1000000, which a double would read as infinity", "487000000", "1e1000000",
                        FactsEventRules.VALUE_OUT_OF_BOUNDS),
                Arguments.of("a value of 1e-1000000, which the database would keep as 0", "487000000", "1e-1000000",
                        FactsEventRules.VALUE_OUT_OF_BOUNDS),
                Arguments.of("an exponent beyond any number", "487000000", "1e99999999999", MalformedEventException.UNREADABLE),
                Arguments.of("NaN", "487000000", "NaN", MalformedEventException.UNREADABLE),
                Arguments.of("minus infinity", "487000000", "-Infinity", MalformedEventException.UNREADABLE),
                Arguments.of("a value written as text", "487000000", "\"487000000\"", null),
                Arguments.of("a value of 1e308 written as text", "487000000", "\"1e308\"", FactsEventRules.VALUE_OUT_OF_BOUNDS),
                Arguments.of("a revision of 10^15, for the projection to judge", "\"revision\": 17", "\"revision\": 1000000000000000", null),
                Arguments.of("a revision with a fraction, which would quietly lose it", "\"revision\": 17", "\"revision\": 17.9",
                        MalformedEventException.UNREADABLE),
                Arguments.of("a revision written as 1e15", "\"revision\": 17", "\"revision\": 1e15", MalformedEventException.UNREADABLE),
                Arguments.of("a revision beyond a long", "\"revision\": 17", "\"revision\": 9223372036854775808",
                        MalformedEventException.UNREADABLE),
                Arguments.of("an offset beyond an int", "\"start\": 120", "\"start\": 2147483648", MalformedEventException.UNREADABLE),
                Arguments.of("a date in the year 1000000", "\"2016-01-01\"", "\"+1000000-01-01\"", FactsEventRules.DATE_OUT_OF_RANGE),
                Arguments.of("a report published on no date given", "\"publishedAt\": \"2020-05-06\"",
                        "\"publishedAt\": null", null),
                Arguments.of("a report published in the year 1000000", "\"2020-05-06\"", "\"+1000000-05-06\"",
                        FactsEventRules.DATE_OUT_OF_RANGE),
                Arguments.of("a report published in 1850", "\"2020-05-06\"", "\"1850-05-06\"",
                        FactsEventRules.DATE_OUT_OF_RANGE),
                Arguments.of("a publication date that is no date", "\"2020-05-06\"", "\"6 May 2020\"",
                        MalformedEventException.UNREADABLE),
                Arguments.of("a publication date of February 30th", "\"2020-05-06\"", "\"2020-02-30\"",
                        MalformedEventException.UNREADABLE),
                Arguments.of("a publication date given as an object", "\"2020-05-06\"", "{\"year\": 2020}",
                        MalformedEventException.UNREADABLE),
                Arguments.of("an event that occurred in the year 999999999", "\"2026-11-22T10:00:00Z\"",
                        "\"+999999999-12-31T23:59:59Z\"", FactsEventRules.DATE_OUT_OF_RANGE),
                Arguments.of("an event that occurred 10^15 seconds after 1970", "\"2026-11-22T10:00:00Z\"",
                        "1000000000000000", FactsEventRules.DATE_OUT_OF_RANGE),
                Arguments.of("an event that occurred at a time given in seconds", "\"2026-11-22T10:00:00Z\"",
                        "1795341600", null),
                Arguments.of("a NUL written as an escape", "gave 4.87", "gave\\u00004.87", FactsEventRules.CONTROL_CHARACTER),
                Arguments.of("a line break written as an escape", "gave 4.87", "gave\\n4.87", null),
                Arguments.of("the value given twice", "\"value\": 487000000", "\"value\": 1, \"value\": 487000000",
                        MalformedEventException.UNREADABLE),
                Arguments.of("a second value after the event", "\"extractorVersion\": \"1.0.0\" } ] }",
                        "\"extractorVersion\": \"1.0.0\" } ] } {}", MalformedEventException.UNREADABLE));
    }

    /** Numbers and tokens as a producer writes them, before any Java type holds them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("numbersAndTokensAsWritten")
    void numbersAndTokensAreJudgedAsWritten(String situation, String field, String written, String reason) {
        assertTrue(EVENT.contains(field), "the test's event has " + field);
        String event = EVENT.replace(field, written);

        if (reason == null) {
            assertEquals("r-1", reader.read("r-1", event).reportId());
        } else {
            MalformedEventException e = assertThrows(MalformedEventException.class, () -> reader.read("r-1", event));
            assertEquals(reason, e.reason(), e.getMessage());
        }
    }

    @Test
    void aContractBreachIsReasonedAsSuch() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> reader.read("r-1", EVENT.replace("\"unit\": \"CNY\",", "")));

        assertEquals(MalformedEventException.CONTRACT, e.reason());
    }

    @Test
    void aReasonListsTenBreachesAtMost() {
        String manyFacts = EVENT.replaceFirst("(?s)\"facts\": \\[(.*)\\] }", "\"facts\": [" + IntStream.range(0, 30)
                .mapToObj(i -> "{\"id\": \"f-" + i + "\"}").collect(Collectors.joining(",")) + "] }");

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> reader.read("r-1", manyFacts));

        assertTrue(e.getMessage().endsWith("more"), e.getMessage());
        assertTrue(e.getMessage().length() < 1_000, e.getMessage());
    }

    /** The event of issue 9: a group donor with members, confidence and reasons, a part of another fact. */
    private static final String GROUP_EVENT = """
            { "eventId": "e-2", "type": "FactsReplaced", "reportId": "r-1", "revision": 18,
              "facts": [
                { "id": "whole", "metric": "funds_cny", "value": 3040000000, "unit": "CNY", "qualifier": "exact",
                  "basis": "period", "periodStart": "2019-01-01", "periodEnd": "2019-12-31",
                  "donor": {"name": "Shanghai and Guangdong", "code": null, "level": "group", "membersInferred": false,
                            "members": [{"name": "Shanghai", "code": "310000", "level": "province"},
                                        {"name": "Guangdong", "code": "440000", "level": "province"}]},
                  "recipient": {"name": "Yunnan", "code": "530000", "level": "province", "members": []},
                  "evidence": {"sentence": "3.04 billion yuan, including ...", "start": 0, "end": 40,
                               "figureStart": 0, "figureEnd": 17},
                  "confidence": "medium", "reasons": ["party_from_context"], "partOf": null },
                { "id": "part", "metric": "funds_cny", "value": 1930000000, "unit": "CNY", "qualifier": "exact",
                  "basis": "period", "periodStart": "2019-01-01", "periodEnd": "2019-12-31",
                  "donor": {"name": "Shanghai", "code": "310000", "level": "province"},
                  "recipient": {"name": "Yunnan", "code": "530000", "level": "province"},
                  "partOf": "whole" } ] }
            """;

    @Test
    void readsGroupMembersConfidenceReasonsAndParts() {
        FactsEvent event = reader.read("r-1", GROUP_EVENT);

        FactMessage whole = event.currentFacts().get(0);
        assertTrue(whole.donor().isGroup());
        assertEquals(List.of("Shanghai", "Guangdong"), whole.donor().members().stream().map(FactMessage.PartyMessage::name).toList());
        assertEquals(Boolean.FALSE, whole.donor().membersInferred());
        assertEquals("medium", whole.confidence());
        assertEquals(List.of("party_from_context"), whole.reasons());
        assertEquals(17, whole.evidence().figureEnd());
        FactMessage part = event.currentFacts().get(1);
        assertEquals("whole", part.partOf());
        assertNull(part.confidence(), "absent: the projection takes it for high");
    }

    @Test
    void aGroupOfUnknownMembersIsAccepted() {
        String named = GROUP_EVENT.replaceFirst("(?s)\\[\\{\"name\": \"Shanghai\".*?\\}\\]\\}", "[]}");

        assertTrue(reader.read("r-1", named).currentFacts().get(0).donor().membersOrNone().isEmpty(), named);
    }

    static Stream<Arguments> brokenGroupsPartsAndConfidence() {
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "{\"name\": \"City " + i + "\"}").collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("an unknown confidence", "\"confidence\": \"medium\"", "\"confidence\": \"certain\"",
                        "facts[0].confidence Unknown confidence: certain"),
                Arguments.of("53 members", "\"members\": [{\"name\": \"Shanghai\"",
                        "\"members\": [" + fiftyOne + ", {\"name\": \"Shanghai\"", "facts[0].donor.members has more than 50 entries"),
                Arguments.of("a member name of 256 characters", "\"name\": \"Shanghai\", \"code\": \"310000\"",
                        "\"name\": \"" + "x".repeat(256) + "\", \"code\": \"310000\"",
                        "facts[0].donor.members[0].name is longer than 255 characters"),
                Arguments.of("a member without a name", "{\"name\": \"Guangdong\", \"code\": \"440000\"",
                        "{\"code\": \"440000\"", "facts[0].donor.members[1].name is missing"),
                Arguments.of("a member that is a group", "{\"name\": \"Guangdong\", \"code\": \"440000\", \"level\": \"province\"}",
                        "{\"name\": \"Guangdong\", \"level\": \"group\"}", "facts[0].donor.members[1] is a group"),
                Arguments.of("a group with a code", "\"name\": \"Shanghai and Guangdong\", \"code\": null",
                        "\"name\": \"Shanghai and Guangdong\", \"code\": \"310000\"", "facts[0].donor.code given, but a group has none"),
                Arguments.of("a region with members", "\"level\": \"province\", \"members\": []",
                        "\"level\": \"province\", \"members\": [{\"name\": \"Kunming\"}]",
                        "facts[0].recipient.members given, but only a group has members"),
                Arguments.of("21 reasons", "[\"party_from_context\"]", "[" + "\"r\",".repeat(20) + "\"r\"]",
                        "facts[0].reasons has more than 20 entries"),
                Arguments.of("a blank reason", "[\"party_from_context\"]", "[\" \"]", "facts[0].reasons[0] is missing"),
                Arguments.of("a part of itself", "\"partOf\": \"whole\"", "\"partOf\": \"part\"",
                        "facts[1].partOf names the fact itself"),
                Arguments.of("parts in a circle", "\"partOf\": null", "\"partOf\": \"part\"",
                        "partOf leads round in a circle"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenGroupsPartsAndConfidence")
    void brokenGroupsPartsAndConfidenceAreMalformed(String situation, String field, String broken, String reason) {
        assertTrue(GROUP_EVENT.contains(field), "the test's event has " + field);
        String event = GROUP_EVENT.replace(field, broken);

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> reader.read("r-1", event));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /**
     * The event of issue 11: a fact an analyst corrected (with the machine's reading beside it), one rejected, one
     * an analyst added, and one from before review.
     */
    private static final String REVIEW_EVENT = """
            { "eventId": "e-3", "type": "FactsReplaced", "reportId": "r-1", "revision": 19,
              "facts": [
                { "id": "corrected", "metric": "funds_cny", "value": 312000000, "unit": "CNY", "qualifier": "exact",
                  "basis": "period", "periodStart": "2020-01-01", "periodEnd": "2020-12-31",
                  "donor": {"name": "Ningbo", "code": "330200", "level": "prefecture"},
                  "recipient": {"name": "Qianxinan", "code": "522300", "level": "prefecture"},
                  "origin": "machine",
                  "review": {"status": "corrected", "changed": false, "by": "wei.analyst",
                             "at": "2026-11-29T20:00:00Z", "note": "the text says 3.12, not 3.21", "later": 1},
                  "extracted": {"metric": "funds_cny", "value": 321000000, "unit": "CNY", "qualifier": "exact",
                                "basis": "period", "periodStart": "2020-01-01", "periodEnd": "2020-12-31",
                                "asOf": null, "donor": {"name": "Ningbo", "code": "330200", "level": "prefecture"},
                                "recipient": {"name": "Qianxinan", "code": "522300", "level": "prefecture"},
                                "somethingNew": true} },
                { "id": "rejected", "metric": "projects", "value": 14, "unit": "projects", "qualifier": "exact",
                  "basis": "plan", "donor": {"name": "Ningbo"}, "recipient": {"name": "Qianxinan"},
                  "review": {"status": "rejected", "changed": false, "by": "wei.analyst", "at": "2026-11-29T20:05:00Z",
                             "note": null} },
                { "id": "added", "metric": "people_trained", "value": 600, "unit": "people", "qualifier": "exact",
                  "basis": "period", "donor": {"name": "Ningbo"}, "recipient": {"name": "Qianxinan"},
                  "origin": "analyst",
                  "review": {"status": "confirmed", "changed": false, "by": "lin", "at": "2026-11-29T20:09:00Z"} },
                { "id": "old", "metric": "projects", "value": 9, "unit": "projects", "qualifier": "exact",
                  "basis": "period", "donor": {"name": "Ningbo"}, "recipient": {"name": "Qianxinan"} } ] }
            """;

    @Test
    void readsOriginReviewAndTheMachinesReading() {
        List<FactMessage> facts = reader.read("r-1", REVIEW_EVENT).currentFacts();

        FactMessage corrected = facts.get(0);
        assertEquals(new BigDecimal("312000000"), corrected.value(), "the top-level value is the corrected one");
        assertEquals("corrected", corrected.review().status());
        assertEquals("wei.analyst", corrected.review().by());
        assertEquals(java.time.Instant.parse("2026-11-29T20:00:00Z"), corrected.review().at());
        assertEquals(Boolean.FALSE, corrected.review().changed());
        assertEquals(new BigDecimal("321000000"), corrected.extracted().value());
        assertEquals("Ningbo", corrected.extracted().donor().name());
        assertEquals("rejected", facts.get(1).review().status());
        assertEquals("analyst", facts.get(2).origin());
        assertNull(facts.get(3).origin(), "absent: the projection takes it for machine");
        assertNull(facts.get(3).review(), "absent: the projection takes it for unreviewed");
        assertNull(facts.get(3).extracted());
    }

    static Stream<Arguments> brokenReviews() {
        return Stream.of(
                Arguments.of("an unknown review status", "\"status\": \"corrected\"", "\"status\": \"approved\"",
                        "facts[0].review.status Unknown review status: approved"),
                Arguments.of("a review without a status", "\"status\": \"corrected\", ", "",
                        "facts[0].review.status Unknown review status: null"),
                Arguments.of("a status in capitals", "\"status\": \"rejected\"", "\"status\": \"REJECTED\"",
                        "facts[1].review.status Unknown review status: REJECTED"),
                Arguments.of("an unknown origin", "\"origin\": \"analyst\"", "\"origin\": \"crowd\"",
                        "facts[2].origin Unknown origin: crowd"),
                Arguments.of("a reviewer name of 65 characters", "\"by\": \"lin\"", "\"by\": \"" + "l".repeat(65) + "\"",
                        "facts[2].review.by is longer than 64 characters"),
                Arguments.of("a reviewer name with a NUL", "\"by\": \"lin\"", "\"by\": \"l\\u0000n\"",
                        "facts[2].review.by holds U+0000"),
                Arguments.of("a review in the year 1000000", "\"2026-11-29T20:09:00Z\"", "\"+1000000-01-01T00:00:00Z\"",
                        "facts[2].review.at"),
                Arguments.of("changed written as text", "\"changed\": false, \"by\": \"lin\"",
                        "\"changed\": [], \"by\": \"lin\"", "Not a facts event"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReviews")
    void brokenReviewsAreMalformed(String situation, String field, String broken, String reason) {
        assertTrue(REVIEW_EVENT.contains(field), "the test's event has " + field);
        String event = REVIEW_EVENT.replace(field, broken);

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> reader.read("r-1", event));

        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
