package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.ExtractedFact;
import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.fact.Basis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One report stating the same figure twice (same metric, value, basis, period and parties — a city counting
 * as its province) yields one fact; the first statement's evidence is kept, unless it gave no time frame (a
 * headline) and a later one does.
 */
final class FactDeduplicator {
    private FactDeduplicator() {}

    static List<ExtractedFact> dedupe(List<ExtractedFact> facts) {
        List<ExtractedFact> out = new ArrayList<>();
        Map<List<Object>, List<Integer>> alike = new HashMap<>();
        for (ExtractedFact f : facts) {
            // only facts of the same figure can be the same statement: each is compared with those, not with all kept so far
            List<Integer> kept = alike.computeIfAbsent(Arrays.asList(f.metric(), f.value().stripTrailingZeros(), f.unit()),
                    k -> new ArrayList<>());
            int at = -1;
            for (int i = 0; i < kept.size() && at < 0; i++) if (same(out.get(kept.get(i)), f)) at = kept.get(i);
            if (at < 0) {
                kept.add(out.size());
                out.add(f);
            } else if (unknownFrame(out.get(at)) && !unknownFrame(f)) {
                out.set(at, f); // a headline states the figure without its time frame; the body's statement says more
            }
        }
        return out;
    }

    /** Index of the kept fact that a folded one was the same as; null if none. */
    static Integer indexOfSame(List<ExtractedFact> kept, ExtractedFact f) {
        for (int i = 0; i < kept.size(); i++) if (same(kept.get(i), f)) return i;
        return null;
    }

    private static boolean same(ExtractedFact a, ExtractedFact b) {
        // two figures of one sentence are two statements ("12 trainings for 300 person-times and 9 for 300 person-times")
        if (a.evidence().start() == b.evidence().start() && a.evidence().figureStart() != b.evidence().figureStart()) return false;
        return a.metric().equals(b.metric()) && a.value().compareTo(b.value()) == 0 && a.unit().equals(b.unit())
                && (unknownFrame(a) || unknownFrame(b) || a.basis() == b.basis() && Objects.equals(a.periodStart(), b.periodStart())
                    && Objects.equals(a.periodEnd(), b.periodEnd()))
                && nested(a.donor(), b.donor()) && nested(a.recipient(), b.recipient());
    }

    /** A statement with no time frame at all (typically a headline): it may be any of the report's statements. */
    private static boolean unknownFrame(ExtractedFact f) {
        return f.basis() == Basis.PERIOD && f.periodStart() == null && f.periodEnd() == null && f.asOf() == null;
    }

    /**
     * Same party, or one inside the other (codes share the parent's non-zero prefix); a group is inside a region
     * holding all its members, and two groups nest when their members do.
     */
    private static boolean nested(Party a, Party b) {
        if (a.isGroup() && b.isGroup() && !a.members().isEmpty() && !b.members().isEmpty()) {
            return a.members().stream().allMatch(m -> b.members().stream().anyMatch(n -> nested(m, n)))
                    && b.members().stream().allMatch(n -> a.members().stream().anyMatch(m -> nested(m, n)));
        }
        if (a.isGroup() && !a.members().isEmpty()) return a.members().stream().allMatch(m -> nested(m, b));
        if (b.isGroup() && !b.members().isEmpty()) return b.members().stream().allMatch(m -> nested(a, m));
        if (a.code() == null || b.code() == null) return Objects.equals(a.name(), b.name());
        return prefix(a.code()).startsWith(prefix(b.code())) || prefix(b.code()).startsWith(prefix(a.code()));
    }

    private static String prefix(String code) {
        if (code.endsWith("0000")) return code.substring(0, 2);
        if (code.endsWith("00")) return code.substring(0, 4);
        return code;
    }
}
