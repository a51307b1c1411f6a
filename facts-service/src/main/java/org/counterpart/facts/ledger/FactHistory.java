package org.counterpart.facts.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything said about one figure of a report: every machine reading of it (one per extraction, by extractor
 * version) and every analyst's review, with who and when. A fact id lives only until the next extraction, so the
 * history is that of the fact's anchor (report, figure offsets, metric first read), which every version shares.
 */
public record FactHistory(UUID factId, UUID reportId, int figureStart, int figureEnd, String metric,
                          List<MachineReading> readings, List<ReviewEntry> reviews) {

    public record MachineReading(UUID factId, String extractorVersion, long revision, Instant recordedAt,
                                 FactDocument.ReadingDocument reading) {
    }

    /** {@code seen}: the machine's reading the reviewer had in front of them. */
    public record ReviewEntry(UUID id, UUID factId, String factOrigin, String action, String by, Instant at,
                              String note, Map<String, Object> correction, Seen seen) {
    }

    public record Seen(BigDecimal value, String unit, String donor, String recipient, LocalDate periodStart,
                       LocalDate periodEnd) {
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
