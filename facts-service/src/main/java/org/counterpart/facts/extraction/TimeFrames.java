package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.Basis;

import org.counterpart.facts.extraction.period.TimeFrame;
import org.counterpart.facts.extraction.period.TimeFrameResolver;
import org.counterpart.facts.extraction.quantity.Quantity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The time frame of each figure of one report. The answers depend only on the clause text (publication date and
 * report year are fixed per report), and figures of one sentence share their clauses: why each answer is
 * worked out once per report and remembered. One instance per report, used by one thread.
 */
final class TimeFrames {
    private final LocalDate published;
    private final Integer documentYear;
    private final Map<String, TimeFrame> resolvedInYear = new HashMap<>();
    private final Map<String, TimeFrame> resolvedUndated = new HashMap<>();
    private final Map<String, Optional<TimeFrame>> explicit = new HashMap<>();
    private final Map<String, String> withoutPlanWords = new HashMap<>();

    TimeFrames(LocalDate published, Integer documentYear) {
        this.published = published;
        this.documentYear = documentYear;
    }

    /**
     * The time frame of a figure: its own clause (between semicolons) when that has time words; else the
     * report's year for a one-year report; else the sentence's.
     */
    TimeFrame of(String text, Quantity q, int nextFigure) {
        TimeFrame frame = of(text, q);
        if (frame.basis() == Basis.PLAN && !TimeFrameResolver.planGoverns(text, q.start(), q.end(), nextFigure)) {
            frame = of(withoutPlanWords.computeIfAbsent(text, TimeFrameResolver::withoutPlanWords), q);
        }
        return frame;
    }

    private TimeFrame of(String text, Quantity q) {
        int segStart = Math.max(text.lastIndexOf(';', q.start()), text.lastIndexOf('；', q.start())) + 1;
        int a = text.indexOf(';', q.end()), b = text.indexOf('；', q.end());
        int segEnd = Math.min(a < 0 ? text.length() : a, b < 0 ? text.length() : b);
        if (segStart == 0 && segEnd == text.length()) return resolve(text, documentYear);
        String clause = text.substring(segStart, segEnd);
        Optional<TimeFrame> own = explicit.computeIfAbsent(clause, c -> TimeFrameResolver.explicit(c, published));
        if (own.isPresent()) return own.get();
        if (documentYear != null) return resolve(clause, documentYear);
        return resolve(text, null);
    }

    private TimeFrame resolve(String text, Integer year) {
        Map<String, TimeFrame> memo = year == null ? resolvedUndated : resolvedInYear;
        return memo.computeIfAbsent(text, t -> TimeFrameResolver.resolve(t, published, year));
    }
}
