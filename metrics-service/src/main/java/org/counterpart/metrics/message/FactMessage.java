package org.counterpart.metrics.message;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One fact as facts-service publishes it. {@code confidence}, {@code reasons}, {@code partOf}, a group's
 * {@code members} and the figure's offsets came later: older events lack them, so all are optional.
 */
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
        String extractorVersion,
        String confidence,
        List<String> reasons,
        String partOf) {

    /**
     * @param members         a group's regions; empty or absent for a region, and for a group the text named only
     * @param membersInferred true when the members come from pairing data rather than from the text
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartyMessage(String name, String code, String level, List<PartyMessage> members,
                               Boolean membersInferred) {

        public boolean isGroup() {
            return level != null && "group".equalsIgnoreCase(level.trim());
        }

        public List<PartyMessage> membersOrNone() {
            return members == null ? List.of() : members;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EvidenceMessage(String sentence, Integer start, Integer end, Integer figureStart, Integer figureEnd) {
    }
}
