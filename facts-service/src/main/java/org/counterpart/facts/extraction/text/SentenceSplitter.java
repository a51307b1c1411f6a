package org.counterpart.facts.extraction.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a report into sentences with ICU's sentence rules (which handle both "." and "。" and treat line
 * breaks as paragraph ends). Abbreviation suppressions keep "Mr. Li" or "No. 1" in one sentence.
 * Offsets refer to the original text; leading and trailing blanks are trimmed away. A run of text far longer
 * than any real sentence is cut into clause-sized pieces ({@link LongSentences}).
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
        int newline = text.indexOf('\n');
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int[] sentence = trimmed(text, start, end);
            if (sentence == null) continue;
            for (int[] piece : LongSentences.pieces(text, sentence[0], sentence[1])) {
                int[] trimmed = trimmed(text, piece[0], piece[1]);
                if (trimmed == null) continue;
                int s = trimmed[0], e = trimmed[1];
                // the first newline after the last sentence, searched again only once passed: a text without
                // newlines is not scanned to its end for every sentence
                if (newline >= 0 && newline < lastEnd) newline = text.indexOf('\n', lastEnd);
                if (newline >= 0 && newline < s) paragraph++;
                lastEnd = e;
                out.add(new Sentence(out.size(), paragraph, text.substring(s, e), s, e));
            }
        }
        return out;
    }

    /** [start, end) without leading and trailing blanks; null when nothing is left. */
    private static int[] trimmed(String text, int start, int end) {
        int s = start, e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) s++;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
        return s < e ? new int[]{s, e} : null;
    }
}
