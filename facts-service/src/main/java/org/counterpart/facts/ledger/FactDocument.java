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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fact as the API answers it and as the {@code facts} topic carries it (schemas/facts-event.schema.json).
 * Mapped from the entity so that the stored shape can change without changing the contract.
 * {@code partOf} is the id of the fact of the same report this one is a part of: never add a part to its whole.
 */
@Schema(name = "Fact", description = "A cooperation record read from a report, with its evidence (the same shape as "
        + "a fact of the facts topic)")
public record FactDocument(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID reportId,
        @Schema(required = true, enumeration = {"funds_cny", "projects", "workers_transferred", "investment_cny", "consumption_cny", "people_trained",
                    "personnel_exchanged", "enterprises_introduced", "agreements", "people_lifted", "people_benefited",
                    "villages_benefited", "exchange_visits"}) String metric,
        @Schema(required = true) BigDecimal value,
        @Schema(required = true, example = "CNY") String unit,
        @Schema(nullable = true, description = "The figure as the text writes it") String asWritten,
        @Schema(required = true, enumeration = {"exact", "approximate", "at_least"}) String qualifier,
        @Schema(required = true, enumeration = {"cumulative", "period", "plan"}) String basis,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate periodStart,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate periodEnd,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate asOf,
        @Schema(required = true) PartyDocument donor,
        @Schema(required = true) PartyDocument recipient,
        @Schema(required = true) EvidenceDocument evidence,
        @Schema(nullable = true, description = "Other amounts the sentence states for the same figure, by unit")
        Map<String, BigDecimal> alsoStated,
        @Schema(required = true, enumeration = {"high", "medium", "low"}) String confidence,
        @Schema(required = true, description = "Short codes saying why the confidence is not high") List<String> reasons,
        @Schema(nullable = true, implementation = String.class, format = "uuid",
                description = "The fact of the same report this one is a part of") UUID partOf,
        @Schema(required = true) String extractorVersion,
        @Schema(required = true, enumeration = {"machine", "analyst"}) String origin,
        @Schema(required = true) ReviewDocument review,
        @Schema(description = "The machine's own reading, for a corrected fact; absent otherwise")
        @JsonInclude(JsonInclude.Include.NON_NULL) ReadingDocument extracted) {

    /**
     * Where the fact stands with analysts: unreviewed, confirmed, corrected or rejected (rejected facts stay visible
     * here and never count in totals). {@code changed}: a confirmation the machine's newer reading no longer
     * matches, so the fact is unreviewed again.
     */
    @Schema(name = "FactReview")
    public record ReviewDocument(
            @Schema(required = true, enumeration = {"unreviewed", "confirmed", "corrected", "rejected"}) String status,
            @Schema(required = true) boolean changed,
            @Schema(nullable = true, description = "Who reviewed it; null when nobody did") String by,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant at,
            @Schema(nullable = true) String note) {
    }

    /** The machine's own reading of a fact an analyst corrected (and of each extraction, in a fact's history). */
    @Schema(name = "Reading")
    public record ReadingDocument(
            @Schema(required = true, enumeration = {"funds_cny", "projects", "workers_transferred", "investment_cny", "consumption_cny", "people_trained",
                    "personnel_exchanged", "enterprises_introduced", "agreements", "people_lifted", "people_benefited",
                    "villages_benefited", "exchange_visits"}) String metric,
            @Schema(required = true) BigDecimal value,
            @Schema(required = true) String unit,
            @Schema(required = true, enumeration = {"exact", "approximate", "at_least"}) String qualifier,
            @Schema(required = true, enumeration = {"cumulative", "period", "plan"}) String basis,
            @Schema(nullable = true, implementation = String.class, format = "date") LocalDate periodStart,
            @Schema(nullable = true, implementation = String.class, format = "date") LocalDate periodEnd,
            @Schema(nullable = true, implementation = String.class, format = "date") LocalDate asOf,
            @Schema(required = true) PartyDocument donor,
            @Schema(required = true) PartyDocument recipient) {
    }

    /**
     * A region, or a group (level "group", code null) with its member regions. {@code members} and
     * {@code membersInferred} are left out for a region, so a region reads exactly as it always did.
     */
    @Schema(name = "Party")
    public record PartyDocument(
            @Schema(required = true) String name,
            @Schema(nullable = true, description = "GB/T 2260 code; null for a group or a region without one")
            String code,
            @Schema(required = true, enumeration = {"province", "prefecture", "county", "group"}) String level,
            @Schema(description = "A group's member regions; absent for a region")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<RegionDocument> members,
            @Schema(description = "For a group: members taken from pairing data; absent for a region")
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean membersInferred) {
    }

    /** A member of a group: always a region. */
    @Schema(name = "Region")
    public record RegionDocument(@Schema(required = true) String name,
                                 @Schema(nullable = true) String code,
                                 @Schema(required = true, enumeration = {"province", "prefecture", "county"}) String level) {
    }

    /** {@code figureStart}/{@code figureEnd} are null for facts recorded before extractors located the figure. */
    @Schema(name = "Evidence")
    public record EvidenceDocument(@Schema(required = true) String sentence,
                                   @Schema(required = true) int start,
                                   @Schema(required = true) int end,
                                   @Schema(nullable = true) Integer figureStart,
                                   @Schema(nullable = true) Integer figureEnd) {
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
