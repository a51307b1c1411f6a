package org.counterpart.facts.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.facts.extraction.fact.Party;

/**
 * A fact as the API answers it and as the {@code facts} topic carries it (schemas/facts-event.schema.json).
 * Mapped from the entity so that the stored shape can change without changing the contract.
 * {@code partOf} is the id of the fact of the same report this one is a part of: never add a part to its whole.
 */
public record FactDocument(UUID id, UUID reportId, String metric, BigDecimal value, String unit, String asWritten,
                           String qualifier, String basis, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                           PartyDocument donor, PartyDocument recipient, EvidenceDocument evidence,
                           Map<String, BigDecimal> alsoStated, String confidence, List<String> reasons, UUID partOf,
                           String extractorVersion, String origin, ReviewDocument review,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ReadingDocument extracted) {

    /**
     * Where the fact stands with analysts: unreviewed, confirmed, corrected or rejected (rejected facts stay visible
     * here and never count in totals). {@code changed}: a confirmation the machine's newer reading no longer
     * matches, so the fact is unreviewed again.
     */
    public record ReviewDocument(String status, boolean changed, String by, Instant at, String note) {
    }

    /** The machine's own reading of a fact an analyst corrected (and of each extraction, in a fact's history). */
    public record ReadingDocument(String metric, BigDecimal value, String unit, String qualifier, String basis,
                                  LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, PartyDocument donor,
                                  PartyDocument recipient) {
    }

    /**
     * A region, or a group (level "group", code null) with its member regions. {@code members} and
     * {@code membersInferred} are left out for a region, so a region reads exactly as it always did.
     */
    public record PartyDocument(String name, String code, String level,
                                @JsonInclude(JsonInclude.Include.NON_NULL) List<RegionDocument> members,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Boolean membersInferred) {
    }

    /** A member of a group: always a region. */
    public record RegionDocument(String name, String code, String level) {
    }

    /** {@code figureStart}/{@code figureEnd} are null for facts recorded before extractors located the figure. */
    public record EvidenceDocument(String sentence, int start, int end, Integer figureStart, Integer figureEnd) {
    }

    public static FactDocument of(Fact fact, ObjectMapper json) {
        JsonColumns columns = new JsonColumns(json);
        return new FactDocument(fact.id, fact.reportId, fact.metric, plain(fact.value), fact.unit,
                fact.asWritten, fact.qualifier, fact.basis, fact.periodStart, fact.periodEnd, fact.asOf,
                party(fact.donorName, fact.donorCode, fact.donorLevel, fact.donorMembers, fact.donorMembersInferred,
                        columns),
                party(fact.recipientName, fact.recipientCode, fact.recipientLevel, fact.recipientMembers,
                        fact.recipientMembersInferred, columns),
                new EvidenceDocument(fact.evidenceSentence, fact.evidenceStart, fact.evidenceEnd,
                        fact.evidenceFigureStart, fact.evidenceFigureEnd),
                columns.amounts(fact.alsoStated), fact.confidence, columns.reasons(fact.reasons), fact.partOf,
                fact.extractorVersion, fact.origin,
                new ReviewDocument(fact.reviewStatus, fact.reviewChanged, fact.reviewedBy, fact.reviewedAt,
                        fact.reviewNote),
                fact.extracted == null ? null : columns.reading(fact.extracted));
    }

    /** The reading the row holds now: the machine's, unless an analyst corrected it. */
    static ReadingDocument readingOf(Fact fact, JsonColumns columns) {
        return new ReadingDocument(fact.metric, plain(fact.value), fact.unit, fact.qualifier, fact.basis,
                fact.periodStart, fact.periodEnd, fact.asOf,
                party(fact.donorName, fact.donorCode, fact.donorLevel, fact.donorMembers, fact.donorMembersInferred,
                        columns),
                party(fact.recipientName, fact.recipientCode, fact.recipientLevel, fact.recipientMembers,
                        fact.recipientMembersInferred, columns));
    }

    private static PartyDocument party(String name, String code, String level, String members, boolean inferred,
                                       JsonColumns columns) {
        if (!Party.GROUP.equals(level)) {
            return new PartyDocument(name, code, level, null, null);
        }
        // a group recorded before members were known has none: an empty list, as for a group nobody can name
        List<RegionDocument> regions = columns.members(members).stream()
                .map(m -> new RegionDocument(m.name(), m.code(), m.level())).toList();
        return new PartyDocument(name, code, level, regions, inferred);
    }

    /** 350000000.0000 as 350000000, not 3.5E+8: subscribers should not need to parse exponents. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
