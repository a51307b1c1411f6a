package org.counterpart.facts.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.counterpart.facts.ledger.Fact;
import org.counterpart.facts.ledger.FactDocument;
import org.junit.jupiter.api.Test;

/** What FactEvents writes to the facts topic is what facts-event.schema.json promises, old messages included. */
class FactsEventSchemaTest {

    // as Quarkus configures it: dates as ISO strings
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UUID REPORT = UUID.randomUUID();
    private static final String TEXT = "In 2020 Shanghai and Guangdong sent 837 cadres to Yunnan, including 300 doctors.";

    private static Fact fact(int ordinal, String asWritten) {
        Fact fact = new Fact();
        fact.id = UUID.randomUUID();
        fact.reportId = REPORT;
        fact.ordinal = ordinal;
        fact.metric = "personnel_exchanged";
        fact.value = new BigDecimal(asWritten.split(" ")[0] + ".0000");
        fact.unit = "people";
        fact.asWritten = asWritten;
        fact.qualifier = "exact";
        fact.basis = "period";
        fact.periodStart = LocalDate.of(2020, 1, 1);
        fact.periodEnd = LocalDate.of(2020, 12, 31);
        fact.donorName = "Shanghai and Guangdong";
        fact.donorLevel = "group";
        fact.donorMembers = "[{\"name\":\"Shanghai\",\"code\":\"310000\",\"level\":\"province\"},"
                + "{\"name\":\"Guangdong\",\"code\":\"440000\",\"level\":\"province\"}]";
        fact.recipientName = "Yunnan";
        fact.recipientCode = "530000";
        fact.recipientLevel = "province";
        fact.evidenceSentence = TEXT;
        fact.evidenceStart = 0;
        fact.evidenceEnd = TEXT.length();
        fact.evidenceFigureStart = TEXT.indexOf(asWritten);
        fact.evidenceFigureEnd = fact.evidenceFigureStart + asWritten.length();
        fact.confidence = "high";
        fact.reasons = "[]";
        fact.extractorVersion = "test-1";
        return fact;
    }

    private static ObjectNode message(List<Fact> facts) {
        FactsEvent event = new FactsEvent(UUID.randomUUID(), FactsEvent.REPLACED, REPORT, 7, "test-1", Instant.now(),
                LocalDate.of(2020, 12, 28), facts.stream().map(f -> FactDocument.of(f, JSON)).toList());
        return JSON.valueToTree(event);
    }

    private static ObjectNode groupWithAPart() {
        Fact whole = fact(0, "837 cadres");
        Fact part = fact(1, "300 doctors");
        part.partOf = whole.id;
        part.confidence = "medium";
        part.reasons = "[\"party_from_context\"]";
        return message(List.of(whole, part));
    }

    @Test
    void aGroupFactWithAPartConforms() {
        ObjectNode message = groupWithAPart();
        assertEquals(List.of(), FactsEventSchema.problems(message), message.toString());
        assertEquals("Guangdong", message.at("/facts/0/donor/members/1/name").asText());
        assertEquals(message.at("/facts/0/id").asText(), message.at("/facts/1/partOf").asText());
    }

    @Test
    void reviewedFactsConform() {
        Fact corrected = fact(0, "837 cadres");
        corrected.reviewStatus = "corrected";
        corrected.reviewedBy = "wu.fang";
        corrected.reviewedAt = Instant.parse("2026-11-29T10:00:00Z");
        corrected.reviewNote = "the report says 873";
        corrected.extracted = "{\"metric\":\"personnel_exchanged\",\"value\":837,\"unit\":\"people\","
                + "\"qualifier\":\"exact\",\"basis\":\"period\",\"periodStart\":\"2020-01-01\","
                + "\"periodEnd\":\"2020-12-31\",\"asOf\":null,\"donor\":{\"name\":\"Shanghai\","
                + "\"code\":\"310000\",\"level\":\"province\"},\"recipient\":{\"name\":\"Yunnan\","
                + "\"code\":\"530000\",\"level\":\"province\"}}";
        corrected.value = new BigDecimal("873");
        Fact rejected = fact(1, "300 doctors");
        rejected.reviewStatus = "rejected";
        rejected.reviewedBy = "wu.fang";
        rejected.reviewedAt = Instant.parse("2026-11-29T10:01:00Z");
        Fact added = fact(2, "300 doctors");
        added.origin = Fact.ORIGIN_ANALYST;
        added.reviewStatus = "confirmed";

        ObjectNode message = message(List.of(corrected, rejected, added));
        assertEquals(List.of(), FactsEventSchema.problems(message), message.toString());
        assertEquals(837, message.at("/facts/0/extracted/value").asInt());
        assertEquals("rejected", message.at("/facts/1/review/status").asText());
        assertTrue(message.at("/facts/1/extracted").isMissingNode(), "only a corrected fact carries extracted");
        assertEquals("analyst", message.at("/facts/2/origin").asText());

        ((ObjectNode) message.at("/facts/0/review")).put("status", "approved");
        assertFalse(FactsEventSchema.problems(message).isEmpty(), "an unknown review status is refused");
    }

    @Test
    void theReportsPublicationDateIsAnIsoDateOrNull() {
        ObjectNode dated = groupWithAPart();
        assertEquals("2020-12-28", dated.get("publishedAt").asText());
        assertEquals(List.of(), FactsEventSchema.problems(dated), dated.toString());

        ObjectNode undated = groupWithAPart();
        undated.putNull("publishedAt");
        assertEquals(List.of(), FactsEventSchema.problems(undated), undated.toString());

        ObjectNode notADate = groupWithAPart();
        notADate.put("publishedAt", "28.12.2020");
        assertFalse(FactsEventSchema.problems(notADate).isEmpty(), "a date not in ISO form is refused");

        ObjectNode aMoment = groupWithAPart();
        aMoment.put("publishedAt", "2020-12-28T00:00:00Z");
        assertFalse(FactsEventSchema.problems(aMoment).isEmpty(), "a date-time is no date");
    }

    @Test
    void aRetractionConforms() {
        assertTrue(FactsEventSchema.problems(message(List.of())).isEmpty());
    }

    @Test
    void aMessageOfVersionOneStillConforms() {
        ObjectNode message = groupWithAPart();
        message.withArray("facts").forEach(f -> {
            ObjectNode fact = (ObjectNode) f;
            fact.remove(List.of("confidence", "reasons", "partOf", "origin", "review", "extracted"));
            ((ObjectNode) fact.get("donor")).remove(List.of("members", "membersInferred"));
            ((ObjectNode) fact.get("evidence")).remove(List.of("figureStart", "figureEnd"));
        });
        message.remove("publishedAt");
        assertEquals(List.of(), FactsEventSchema.problems(message), message.toString());
    }

    @Test
    void theSchemaRefusesWhatItDoesNotPromise() {
        ObjectNode unknownConfidence = groupWithAPart();
        ((ObjectNode) unknownConfidence.at("/facts/0")).put("confidence", "certain");
        assertFalse(FactsEventSchema.problems(unknownConfidence).isEmpty());

        ObjectNode regionWithMembers = groupWithAPart();
        ((ObjectNode) regionWithMembers.at("/facts/0/recipient")).putArray("members");
        assertFalse(FactsEventSchema.problems(regionWithMembers).isEmpty());

        ObjectNode partOfNotAnId = groupWithAPart();
        ((ObjectNode) partOfNotAnId.at("/facts/1")).put("partOf", 0);
        assertFalse(FactsEventSchema.problems(partOfNotAnId).isEmpty());

        ObjectNode memberWithoutCode = groupWithAPart();
        ((ObjectNode) memberWithoutCode.at("/facts/0/donor/members/0")).putNull("code");
        assertFalse(FactsEventSchema.problems(memberWithoutCode).isEmpty());
    }
}
