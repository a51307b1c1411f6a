package org.counterpart.facts.extraction.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a report into sentences with ICU's sentence rules (which handle both "." and "。" and treat line
 * breaks as paragraph ends). Abbreviation suppressions keep "Mr. Li" or "No. 1" in one sentence.
 * Offsets refer to the original text; leading and trailing blanks are trimmed away.
 */
public final class SentenceSplitter {
    private static final ULocale RULES = new ULocale("en@ss=standard");
    /** Building an ICU break iterator is costly; clones of one prototype are cheap (and each is used by one thread). */
    private static final BreakIterator PROTOTYPE = BreakIterator.getSentenceInstance(RULES);

    private SentenceSplitter() {}

    public static List<Sentence> split(String original) {
        String text = TextNormaliser.normalise(original);
        BreakIterator it = (BreakIterator) PROTOTYPE.clone();
        it.setText(text);
        List<Sentence> out = new ArrayList<>();
        int paragraph = 0;
        int lastEnd = 0;
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start, e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
            if (s >= e) continue;
            int newline = text.indexOf('\n', lastEnd);
            if (newline >= 0 && newline < s) paragraph++;
            lastEnd = e;
            out.add(new Sentence(out.size(), paragraph, text.substring(s, e), s, e));
        }
        return out;
    }
}
