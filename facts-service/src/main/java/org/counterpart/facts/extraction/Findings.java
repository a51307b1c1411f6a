package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.fact.ExtractedFact;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of one report as they are found, folded into the report's facts at the end: repeated statements
 * become one ({@link FactDeduplicator}) and each part points at the index of its whole.
 */
final class Findings {
    private final List<Finding> found = new ArrayList<>();

    Finding add(ExtractedFact fact, Finding whole) {
        Finding f = new Finding(fact, whole);
        found.add(f);
        return f;
    }

    List<ExtractedFact> facts() {
        List<ExtractedFact> all = new ArrayList<>(found.size());
        for (Finding f : found) all.add(f.fact());
        List<ExtractedFact> kept = FactDeduplicator.dedupe(all);
        Map<ExtractedFact, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < kept.size(); i++) index.put(kept.get(i), i);
        List<ExtractedFact> out = new ArrayList<>(kept);
        for (Finding f : found) {
            Integer at = index.get(f.fact());
            if (at == null || f.whole() == null) continue;
            Integer whole = index.get(f.whole().fact());
            if (whole == null) whole = FactDeduplicator.indexOfSame(kept, f.whole().fact());
            if (whole != null && !whole.equals(at)) out.set(at, out.get(at).withPartOf(whole));
        }
        return out;
    }
}
