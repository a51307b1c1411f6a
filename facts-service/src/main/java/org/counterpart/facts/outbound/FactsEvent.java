package org.counterpart.facts.outbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.counterpart.facts.ledger.FactDocument;

/**
 * A message of the {@code facts} topic (key: the report id). It carries the complete current fact set of one
 * report, so the latest message per key is that report's truth: a subscriber rebuilds current facts from the
 * topic alone, and a retraction is a message with no facts. {@code revision} orders messages across re-extractions.
 * {@code publishedAt} is the report's publication date (null when the report gave none, and in a retraction), so
 * that a subscriber can tell how recent the sources of its figures are without asking for each report.
 */
public record FactsEvent(UUID eventId, String type, UUID reportId, long revision, String extractorVersion,
                         Instant occurredAt, LocalDate publishedAt, List<FactDocument> facts) {

    public static final String REPLACED = "FactsReplaced";
    public static final String RETRACTED = "FactsRetracted";
}
