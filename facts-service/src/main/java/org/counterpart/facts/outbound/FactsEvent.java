package org.counterpart.facts.outbound;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.counterpart.facts.ledger.FactDocument;

/**
 * A message of the {@code facts} topic (key: the report id). It carries the complete current fact set of one
 * report, so the latest message per key is that report's truth: a subscriber rebuilds current facts from the
 * topic alone, and a retraction is a message with no facts. {@code revision} orders messages across re-extractions.
 */
public record FactsEvent(UUID eventId, String type, UUID reportId, long revision, String extractorVersion,
                         Instant occurredAt, List<FactDocument> facts) {

    public static final String REPLACED = "FactsReplaced";
    public static final String RETRACTED = "FactsRetracted";
}
