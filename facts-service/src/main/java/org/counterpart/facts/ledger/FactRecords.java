package org.counterpart.facts.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Party;

/**
 * Turns one extraction's facts into the rows that record them. Every fact gets its id before any row is filled
 * in, so that a part ("… including 1.93 billion") can name its whole by id whichever of the two comes first.
 */
final class FactRecords {

    private final JsonColumns columns;

    FactRecords(JsonColumns columns) {
        this.columns = columns;
    }

    /**
     * @throws IllegalArgumentException when a part-of link does not lead to a whole of the same extraction (out of
     *         range, itself, or round in a circle): such a part could be added to its whole, so it is not recorded
     */
    List<Fact> of(UUID reportId, List<ExtractedFact> extracted, String extractorVersion) {
        PartOfLinks.check(extracted);
        List<UUID> ids = new ArrayList<>(extracted.size());
        for (int i = 0; i < extracted.size(); i++) {
            ids.add(UUID.randomUUID());
        }
        List<Fact> facts = new ArrayList<>(extracted.size());
        for (int i = 0; i < extracted.size(); i++) {
            ExtractedFact e = extracted.get(i);
            Fact fact = row(reportId, i, e, extractorVersion);
            fact.id = ids.get(i);
            fact.partOf = e.partOf() == null ? null : ids.get(e.partOf());
            facts.add(fact);
        }
        return facts;
    }

    private Fact row(UUID reportId, int ordinal, ExtractedFact extracted, String extractorVersion) {
        Fact fact = new Fact();
        fact.reportId = reportId;
        fact.ordinal = ordinal;
        fact.metric = extracted.metric();
        fact.anchorMetric = extracted.metric();
        fact.value = extracted.value();
        fact.unit = extracted.unit();
        fact.asWritten = extracted.asWritten();
        fact.qualifier = extracted.qualifier().wireName();
        fact.basis = extracted.basis().wireName();
        fact.periodStart = extracted.periodStart();
        fact.periodEnd = extracted.periodEnd();
        fact.asOf = extracted.asOf();
        Party donor = extracted.donor();
        fact.donorName = donor.name();
        fact.donorCode = donor.code();
        fact.donorLevel = donor.level();
        fact.donorMembers = columns.members(donor);
        fact.donorMembersInferred = donor.isGroup() && donor.membersInferred();
        Party recipient = extracted.recipient();
        fact.recipientName = recipient.name();
        fact.recipientCode = recipient.code();
        fact.recipientLevel = recipient.level();
        fact.recipientMembers = columns.members(recipient);
        fact.recipientMembersInferred = recipient.isGroup() && recipient.membersInferred();
        fact.evidenceSentence = extracted.evidence().sentence();
        fact.evidenceStart = extracted.evidence().start();
        fact.evidenceEnd = extracted.evidence().end();
        fact.evidenceFigureStart = extracted.evidence().figureStart();
        fact.evidenceFigureEnd = extracted.evidence().figureEnd();
        fact.alsoStated = columns.amounts(extracted.alsoStated());
        fact.confidence = extracted.confidence().wireName();
        fact.reasons = columns.reasons(extracted.reasons());
        fact.extractorVersion = extractorVersion;
        return fact;
    }
}
