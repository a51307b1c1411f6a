package org.counterpart.facts.extraction.text;

import org.counterpart.facts.extraction.fact.Evidence;

/**
 * The evidence kept with a fact: its whole sentence, or for a sentence longer than {@link #LONGEST} characters a
 * window of about that length around the figure. Why: every fact of a sentence keeps its own copy of the evidence,
 * so whole long sentences would make a report's facts grow with its length times its figures. The window is cut
 * between words (any character boundary in Chinese) and its offsets locate exactly its text in the report.
 */
public final class EvidenceWindow {
    /** Longest evidence kept whole; a window is at most this long unless the figure itself is longer. */
    public static final int LONGEST = 600;

    private EvidenceWindow() {}

    /**
     * Evidence for the figure at [figureStart, figureEnd) of the sentence at [start, end), all offsets into
     * {@code original}.
     */
    public static Evidence around(String original, int start, int end, int figureStart, int figureEnd) {
        if (end - start <= LONGEST) return new Evidence(original.substring(start, end), start, end, figureStart, figureEnd);
        // context shared between both sides; what one side cannot use (the sentence ends) goes to the other
        int context = Math.max(0, LONGEST - (figureEnd - figureStart));
        int before = Math.min(figureStart - start, context / 2);
        int after = Math.min(end - figureEnd, context - before);
        before = Math.min(figureStart - start, context - after);
        int from = figureStart - before, to = figureEnd + after;
        // no half words at either edge, then no blanks
        while (from < figureStart && from > start && joined(original, from)) from++;
        while (to > figureEnd && to < end && joined(original, to)) to--;
        while (from < figureStart && Character.isWhitespace(original.charAt(from))) from++;
        while (to > figureEnd && Character.isWhitespace(original.charAt(to - 1))) to--;
        return new Evidence(original.substring(from, to), from, to, figureStart, figureEnd);
    }

    /** Whether a cut before {@code at} would split a word, a number or a surrogate pair. */
    private static boolean joined(String text, int at) {
        char a = text.charAt(at - 1), b = text.charAt(at);
        return Character.isSurrogatePair(a, b) || (inWord(a) && inWord(b));
    }

    /** Letters and digits of alphabetic scripts join into words; Han characters stand alone. */
    private static boolean inWord(char c) {
        return Character.isLetterOrDigit(c) && !Scripts.isHan(c);
    }
}
