package org.counterpart.metrics.events;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One fact as facts-service publishes it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FactMessage(
        String id,
        String reportId,
        String metric,
        BigDecimal value,
        String unit,
        String qualifier,
        String basis,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate asOf,
        PartyMessage donor,
        PartyMessage recipient,
        EvidenceMessage evidence,
        String extractorVersion) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartyMessage(String name, String code, String level) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EvidenceMessage(String sentence, Integer start, Integer end) {
    }
}
