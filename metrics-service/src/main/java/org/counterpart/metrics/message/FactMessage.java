package org.counterpart.metrics.message;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One fact as facts-service publishes it. {@code confidence}, {@code reasons}, {@code partOf}, a group's
 * {@code members} and the figure's offsets came later, and so did analyst review ({@code origin}, {@code review},
 * {@code extracted}): older events lack them, so all are optional.
 *
 * <p>For a corrected fact the top-level fields already hold the analyst's values; {@code extracted} is only the
 * machine's own reading, for display, and never counts.
 *
 * @param origin    machine | analyst (a figure an analyst added); absent: machine
 * @param review    what a person made of the fact; absent: unreviewed
 * @param extracted the machine's reading, present only when the fact was corrected
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
        String partOf,
        String origin,
        ReviewMessage review,
        ExtractedMessage extracted) {

    /** A fact as events before analyst review wrote it: from the machine, unreviewed. */
    public FactMessage(String id, String reportId, String metric, BigDecimal value, String unit, String qualifier,
                       String basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, PartyMessage donor,
                       PartyMessage recipient, EvidenceMessage evidence, String extractorVersion, String confidence,
                       List<String> reasons, String partOf) {
        this(id, reportId, metric, value, unit, qualifier, basis, periodStart, periodEnd, asOf, donor, recipient,
                evidence, extractorVersion, confidence, reasons, partOf, null, null, null);
    }

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

    /**
     * @param status  unreviewed | confirmed | corrected | rejected
     * @param changed true for a confirmation that the machine's new reading no longer matches: it is back in the
     *                queue (and its status is then unreviewed)
     * @param by      the reviewer's name; null when nobody reviewed it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewMessage(String status, Boolean changed, String by, Instant at, String note) {
    }

    /** The machine's reading of a corrected fact, as the extractor had it before the analyst's correction. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExtractedMessage(String metric, BigDecimal value, String unit, String qualifier, String basis,
                                   LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, PartyMessage donor,
                                   PartyMessage recipient) {
    }
}
