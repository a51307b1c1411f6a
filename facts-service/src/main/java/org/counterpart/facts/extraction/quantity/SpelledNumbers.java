package org.counterpart.facts.extraction.quantity;

import java.util.List;
import java.util.Map;

/** Values of English number words ("five", "twenty-three", "two hundred", "a dozen"). */
final class SpelledNumbers {
    static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("four", 4L),
            Map.entry("five", 5L), Map.entry("six", 6L), Map.entry("seven", 7L), Map.entry("eight", 8L),
            Map.entry("nine", 9L), Map.entry("ten", 10L), Map.entry("eleven", 11L), Map.entry("twelve", 12L),
            Map.entry("thirteen", 13L), Map.entry("fourteen", 14L), Map.entry("fifteen", 15L), Map.entry("sixteen", 16L),
            Map.entry("seventeen", 17L), Map.entry("eighteen", 18L), Map.entry("nineteen", 19L), Map.entry("twenty", 20L),
            Map.entry("thirty", 30L), Map.entry("forty", 40L), Map.entry("fifty", 50L), Map.entry("sixty", 60L),
            Map.entry("seventy", 70L), Map.entry("eighty", 80L), Map.entry("ninety", 90L), Map.entry("dozen", 12L));
    static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L);

    private SpelledNumbers() {}

    /**
     * False when the word at [start, end) cannot be a key of UNITS: those have three to nine letters and start
     * with one of o, t, f, s, e, n, d. Why: it spares a substring and a lower-casing for almost every word.
     */
    static boolean mayBeUnit(String text, int start, int end) {
        int length = end - start;
        return length >= 3 && length <= 9 && "otfsendOTFSEND".indexOf(text.charAt(start)) >= 0;
    }

    static boolean isNumberWord(String w) {
        String l = w.toLowerCase();
        return UNITS.containsKey(l) || SCALES.containsKey(l);
    }

    /** Value of a run of number words (hyphens already split); null when it is not a well-formed number. */
    static Long value(List<String> words) {
        long total = 0, current = 0;
        boolean any = false;
        for (String raw : words) {
            String w = raw.toLowerCase();
            if (w.equals("and") || w.equals("a")) continue;
            if (UNITS.containsKey(w)) { current += UNITS.get(w); any = true; }
            else if (w.equals("hundred")) { current = Math.max(current, 1) * 100; any = true; }
            else if (SCALES.containsKey(w)) { total += Math.max(current, 1) * SCALES.get(w); current = 0; any = true; }
            else return null;
        }
        return any ? total + current : null;
    }
}
