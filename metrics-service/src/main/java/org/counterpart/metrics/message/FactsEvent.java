package org.counterpart.metrics.message;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The value of a message on topic {@code facts}: the complete current fact set of one report. The newest
 * revision per report is that report's truth; a retraction carries no facts. {@code publishedAt} is the report's
 * publication date: null when the report gave none, or the message is older than the field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FactsEvent(
        String eventId,
        String type,
        String reportId,
        Long revision,
        String extractorVersion,
        Instant occurredAt,
        LocalDate publishedAt,
        List<FactMessage> facts) {

    public static final String REPLACED = "FactsReplaced";
    public static final String RETRACTED = "FactsRetracted";

    /** An event that does not say when its report was published. */
    public FactsEvent(String eventId, String type, String reportId, Long revision, String extractorVersion,
                      Instant occurredAt, List<FactMessage> facts) {
        this(eventId, type, reportId, revision, extractorVersion, occurredAt, null, facts);
    }

    public boolean isRetraction() {
        return RETRACTED.equals(type);
    }

    /** The facts this event makes current: none for a retraction, whatever the payload carries. */
    public List<FactMessage> currentFacts() {
        return isRetraction() || facts == null ? List.of() : facts;
    }
}
