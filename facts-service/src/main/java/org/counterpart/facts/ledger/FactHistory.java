package org.counterpart.facts.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything said about one figure of a report: every machine reading of it (one per extraction, by extractor
 * version) and every analyst's review, with who and when. A fact id lives only until the next extraction, so the
 * history is that of the fact's anchor (report, figure offsets, metric first read), which every version shares.
 */
@Schema(name = "FactHistory")
public record FactHistory(@Schema(required = true) UUID factId, @Schema(required = true) UUID reportId,
                          @Schema(required = true) int figureStart, @Schema(required = true) int figureEnd,
                          @Schema(required = true) String metric,
                          @Schema(required = true) List<MachineReading> readings,
                          @Schema(required = true) List<ReviewEntry> reviews) {

    @Schema(name = "MachineReading")
    public record MachineReading(@Schema(required = true) UUID factId, @Schema(required = true) String extractorVersion,
                                 @Schema(required = true) long revision, @Schema(required = true) Instant recordedAt,
                                 @Schema(required = true) FactDocument.ReadingDocument reading) {
    }

    /** {@code seen}: the machine's reading the reviewer had in front of them. */
    @Schema(name = "ReviewEntry")
    public record ReviewEntry(@Schema(required = true) UUID id, @Schema(required = true) UUID factId,
                              @Schema(required = true, enumeration = {"machine", "analyst"}) String factOrigin,
                              @Schema(required = true, enumeration = {"confirm", "correct", "reject"}) String action,
                              @Schema(required = true) String by, @Schema(required = true) Instant at,
                              @Schema(nullable = true) String note,
                              @Schema(nullable = true, description = "The corrected fields, for a correction")
                              Map<String, Object> correction,
                              @Schema(required = true) Seen seen) {
    }

    @Schema(name = "SeenReading")
    public record Seen(@Schema(required = true) BigDecimal value, @Schema(nullable = true) String unit,
                       @Schema(nullable = true) String donor, @Schema(nullable = true) String recipient,
                       @Schema(nullable = true, implementation = String.class, format = "date") LocalDate periodStart, @Schema(nullable = true, implementation = String.class, format = "date") LocalDate periodEnd) {
    }

    /** Empty when no fact of that id was ever recorded or reviewed (or its report was deleted). */
    public static Optional<FactHistory> of(UUID factId, ObjectMapper json) {
        JsonColumns columns = new JsonColumns(json);
        Fact fact = Fact.findById(factId);
        UUID reportId;
        int start, end;
        String metric;
        if (fact != null) {
            var anchor = FactStanding.anchor(fact);
            reportId = anchor.reportId();
            start = anchor.figureStart();
            end = anchor.figureEnd();
            metric = anchor.metric();
        } else {
            // a fact replaced by a later extraction: found through what was recorded about it
            Optional<MachineReadingRecord> reading = MachineReadingRecord.<MachineReadingRecord>find("factId", factId)
                    .firstResultOptional();
            Optional<FactReviewRecord> review = FactReviewRecord.<FactReviewRecord>find("factId", factId)
                    .firstResultOptional();
            if (reading.isPresent()) {
                reportId = reading.get().reportId;
                start = reading.get().figureStart;
                end = reading.get().figureEnd;
                metric = reading.get().metric;
            } else if (review.isPresent()) {
                reportId = review.get().reportId;
                start = review.get().figureStart;
                end = review.get().figureEnd;
                metric = review.get().metric;
            } else {
                return Optional.empty();
            }
        }
        List<MachineReading> readings = MachineReadingRecord.atAnchor(reportId, start, end, metric).stream()
                .map(r -> new MachineReading(r.factId, r.extractorVersion, r.revision, r.recordedAt,
                        columns.reading(r.reading)))
                .toList();
        List<ReviewEntry> reviews = FactReviewRecord.atAnchor(reportId, start, end, metric).stream()
                .map(r -> new ReviewEntry(r.id, r.factId, r.factOrigin, r.action, r.reviewedBy, r.reviewedAt, r.note,
                        r.correction == null ? null : columns.fields(r.correction),
                        new Seen(r.seenValue.stripTrailingZeros(), r.seenUnit, r.seenDonor, r.seenRecipient,
                                r.seenPeriodStart, r.seenPeriodEnd)))
                .toList();
        return Optional.of(new FactHistory(factId, reportId, start, end, metric, readings, reviews));
    }
}
