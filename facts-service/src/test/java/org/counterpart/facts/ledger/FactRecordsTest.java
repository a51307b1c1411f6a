package org.counterpart.facts.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.counterpart.facts.extraction.fact.Basis;
import org.counterpart.facts.extraction.fact.Confidence;
import org.counterpart.facts.extraction.fact.Evidence;
import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.fact.Qualifier;
import org.junit.jupiter.api.Test;

/** From the extractor's facts to stored rows and back out as the documents the API and the topic carry. */
class FactRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UUID REPORT = UUID.fromString("7d1f2a3b-0000-4000-8000-000000000001");
    private static final String TEXT = "In 2020 Shanghai and Guangdong sent 837 cadres to Yunnan, including 300 doctors.";

    private static final Party SHANGHAI = new Party("Shanghai", "310000", Party.PROVINCE);
    private static final Party GUANGDONG = new Party("Guangdong", "440000", Party.PROVINCE);
    private static final Party YUNNAN = new Party("Yunnan", "530000", Party.PROVINCE);
    private static final Party TWO_DONORS = Party.group("Shanghai and Guangdong", List.of(SHANGHAI, GUANGDONG), false);

    private final FactRecords records = new FactRecords(new JsonColumns(JSON));

    private static ExtractedFact fact(String asWritten, Party donor, Confidence confidence, List<String> reasons,
                                      Integer partOf) {
        int figure = TEXT.indexOf(asWritten);
        return new ExtractedFact("personnel_exchanged", new BigDecimal(asWritten.split(" ")[0]), "people", asWritten,
                Qualifier.EXACT, Basis.PERIOD, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), null,
                donor, YUNNAN, new Evidence(TEXT, 0, TEXT.length(), figure, figure + asWritten.length()),
                Map.of(), confidence, reasons, partOf);
    }

    private static FactDocument document(Fact fact) {
        return FactDocument.of(fact, JSON);
    }

    @Test
    void aGroupKeepsItsMembersThroughTheLedger() {
        Fact stored = records.of(REPORT, List.of(fact("837 cadres", TWO_DONORS, Confidence.HIGH, List.of(), null)),
                "test-1").get(0);
        FactDocument.PartyDocument donor = document(stored).donor();

        assertEquals("Shanghai and Guangdong", donor.name());
        assertEquals(Party.GROUP, donor.level());
        assertNull(donor.code());
        assertEquals(List.of(new FactDocument.RegionDocument("Shanghai", "310000", Party.PROVINCE),
                new FactDocument.RegionDocument("Guangdong", "440000", Party.PROVINCE)), donor.members());
        assertEquals(Boolean.FALSE, donor.membersInferred());
    }

    @Test
    void membersTakenFromThePairingDataSaySo() {
        Party named = Party.group("seven cities in East China", List.of(SHANGHAI), true);
        Fact stored = records.of(REPORT, List.of(fact("837 cadres", named, Confidence.HIGH, List.of(), null)),
                "test-1").get(0);
        assertEquals(Boolean.TRUE, document(stored).donor().membersInferred());
    }

    @Test
    void aGroupNobodyCanNameHasAnEmptyMemberList() {
        Party unnamed = Party.group("the two sides", List.of(), false);
        Fact stored = records.of(REPORT, List.of(fact("837 cadres", unnamed, Confidence.HIGH, List.of(), null)),
                "test-1").get(0);
        assertEquals(List.of(), document(stored).donor().members());
    }

    @Test
    void aRegionHasNoMemberFieldsAtAll() throws Exception {
        Fact stored = records.of(REPORT, List.of(fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), null)),
                "test-1").get(0);
        FactDocument doc = document(stored);
        assertNull(doc.recipient().members());
        JsonNode recipient = JSON.readTree(JSON.writeValueAsString(doc)).get("recipient");
        assertFalse(recipient.has("members"), recipient.toString());
        assertFalse(recipient.has("membersInferred"), recipient.toString());
        assertTrue(recipient.has("code"), "a region's code stays on the wire");
    }

    @Test
    void aPartNamesTheIdOfItsWhole() {
        List<Fact> stored = records.of(REPORT, List.of(
                fact("837 cadres", TWO_DONORS, Confidence.HIGH, List.of(), null),
                fact("300 doctors", TWO_DONORS, Confidence.HIGH, List.of(), 0)), "test-1");

        assertNull(stored.get(0).partOf);
        assertEquals(stored.get(0).id, stored.get(1).partOf);
        assertEquals(stored.get(0).id, document(stored.get(1)).partOf());
        assertNotEquals(stored.get(0).id, stored.get(1).id);
    }

    @Test
    void aPartListedBeforeItsWholeStillFindsIt() {
        List<Fact> stored = records.of(REPORT, List.of(
                fact("300 doctors", TWO_DONORS, Confidence.HIGH, List.of(), 1),
                fact("837 cadres", TWO_DONORS, Confidence.HIGH, List.of(), null)), "test-1");
        assertEquals(stored.get(1).id, stored.get(0).partOf);
        assertEquals(List.of(0, 1), stored.stream().map(f -> f.ordinal).toList());
    }

    @Test
    void confidenceAndReasonsRoundTrip() {
        Fact stored = records.of(REPORT, List.of(fact("837 cadres", TWO_DONORS, Confidence.MEDIUM,
                List.of("party_from_context", "period_from_publication"), null)), "test-1").get(0);
        FactDocument doc = document(stored);
        assertEquals("medium", doc.confidence());
        assertEquals(List.of("party_from_context", "period_from_publication"), doc.reasons());
        assertEquals("test-1", doc.extractorVersion());
    }

    @Test
    void aHighFactHasAnEmptyReasonList() {
        FactDocument doc = document(records.of(REPORT,
                List.of(fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), null)), "test-1").get(0));
        assertEquals("high", doc.confidence());
        assertEquals(List.of(), doc.reasons());
    }

    @Test
    void theFigureIsLocatedInTheOriginalText() {
        FactDocument.EvidenceDocument evidence = document(records.of(REPORT,
                List.of(fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), null)), "test-1").get(0)).evidence();
        assertEquals("837 cadres", TEXT.substring(evidence.figureStart(), evidence.figureEnd()));
        assertEquals(0, evidence.start());
        assertEquals(TEXT.length(), evidence.end());
    }

    @Test
    void aFactRecordedBeforeV2ReadsAsHighWithNoReasonsAndAGroupWithNoMembers() {
        // what migration V2 leaves in a row written by the old ledger
        Fact old = records.of(REPORT, List.of(fact("837 cadres", TWO_DONORS, Confidence.HIGH, List.of(), null)),
                "old").get(0);
        old.donorMembers = null;
        old.reasons = "[]";
        old.confidence = "high";
        old.evidenceFigureStart = null;
        old.evidenceFigureEnd = null;
        FactDocument doc = document(old);
        assertEquals(List.of(), doc.donor().members());
        assertEquals("high", doc.confidence());
        assertEquals(List.of(), doc.reasons());
        assertNull(doc.evidence().figureStart());
    }

    @Test
    void aPartOfAFactThatIsNotThereIsRefused() {
        List<ExtractedFact> extraction = List.of(fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), 5));
        assertThrows(IllegalArgumentException.class, () -> records.of(REPORT, extraction, "test-1"));
    }

    @Test
    void aFactThatIsAPartOfItselfIsRefused() {
        List<ExtractedFact> extraction = List.of(fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> records.of(REPORT, extraction, "test-1"));
    }

    @Test
    void partsInACircleAreRefused() {
        List<ExtractedFact> extraction = List.of(
                fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), 2),
                fact("300 doctors", SHANGHAI, Confidence.HIGH, List.of(), 0),
                fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> records.of(REPORT, extraction, "test-1"));
    }

    @Test
    void aPartOfAPartIsAllowed() {
        List<Fact> stored = records.of(REPORT, List.of(
                fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), null),
                fact("300 doctors", SHANGHAI, Confidence.HIGH, List.of(), 0),
                fact("837 cadres", SHANGHAI, Confidence.HIGH, List.of(), 1)), "test-1");
        assertEquals(stored.get(1).id, stored.get(2).partOf);
    }
}
