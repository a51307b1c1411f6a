package org.counterpart.facts.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A fact as the API answers it and as the {@code facts} topic carries it (schemas/facts-event.schema.json).
 * Mapped from the entity so that the stored shape can change without changing the contract.
 */
public record FactDocument(UUID id, UUID reportId, String metric, BigDecimal value, String unit, String asWritten,
                           String qualifier, String basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                           PartyDocument donor, PartyDocument recipient, EvidenceDocument evidence,
                           Map<String, BigDecimal> alsoStated, String extractorVersion) {

    public record PartyDocument(String name, String code, String level) {
    }

    public record EvidenceDocument(String sentence, int start, int end) {
    }

    private static final TypeReference<Map<String, BigDecimal>> AMOUNTS = new TypeReference<>() {
    };

    public static FactDocument of(Fact fact, ObjectMapper json) {
        Map<String, BigDecimal> alsoStated = null;
        if (fact.alsoStated != null) {
            try {
                alsoStated = json.readValue(fact.alsoStated, AMOUNTS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("also_stated of fact " + fact.id + " is not JSON", e);
            }
        }
        return new FactDocument(fact.id, fact.reportId, fact.metric, plain(fact.value), fact.unit,
                fact.asWritten, fact.qualifier, fact.basis, fact.periodStart, fact.periodEnd, fact.asOf,
                new PartyDocument(fact.donorName, fact.donorCode, fact.donorLevel),
                new PartyDocument(fact.recipientName, fact.recipientCode, fact.recipientLevel),
                new EvidenceDocument(fact.evidenceSentence, fact.evidenceStart, fact.evidenceEnd),
                alsoStated, fact.extractorVersion);
    }

    /** 350000000.0000 as 350000000, not 3.5E+8: subscribers should not need to parse exponents. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
