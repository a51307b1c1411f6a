package org.counterpart.facts.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One report stating the same figure twice (same metric, value, basis, period and parties — a city counting
 * as its province) yields one fact; the first statement's evidence is kept.
 */
final class FactDeduplicator {
    private FactDeduplicator() {}

    static List<ExtractedFact> dedupe(List<ExtractedFact> facts) {
        List<ExtractedFact> out = new ArrayList<>();
        // only facts alike in metric, value, unit, basis and period can be the same: each is compared with those, not with all kept so far
        Map<List<Object>, List<ExtractedFact>> alike = new HashMap<>();
        for (ExtractedFact f : facts) {
            List<ExtractedFact> kept = alike.computeIfAbsent(Arrays.asList(f.metric(), f.value().stripTrailingZeros(), f.unit(),
                    f.basis(), f.periodStart(), f.periodEnd()), k -> new ArrayList<>());
            if (kept.stream().noneMatch(k -> same(k, f))) { out.add(f); kept.add(f); }
        }
        return out;
    }

    private static boolean same(ExtractedFact a, ExtractedFact b) {
        return a.metric().equals(b.metric()) && a.value().compareTo(b.value()) == 0 && a.unit().equals(b.unit())
                && a.basis() == b.basis() && Objects.equals(a.periodStart(), b.periodStart())
                && Objects.equals(a.periodEnd(), b.periodEnd())
                && nested(a.donor(), b.donor()) && nested(a.recipient(), b.recipient());
    }

    /** Same party, or one inside the other (codes share the parent's non-zero prefix). */
    private static boolean nested(Party a, Party b) {
        if (a.code() == null || b.code() == null) return Objects.equals(a.name(), b.name());
        return prefix(a.code()).startsWith(prefix(b.code())) || prefix(b.code()).startsWith(prefix(a.code()));
    }

    private static String prefix(String code) {
        if (code.endsWith("0000")) return code.substring(0, 2);
        if (code.endsWith("00")) return code.substring(0, 4);
        return code;
    }
}
