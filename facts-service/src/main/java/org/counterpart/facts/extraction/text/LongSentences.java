package org.counterpart.facts.extraction.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a "sentence" far longer than any real one into clause-sized pieces. Why: the rules look around each figure
 * as far as its clause or sentence reaches (cue words back to the clause start, parties anywhere in the sentence),
 * so one sentence costs its length times its figures; a megabyte without a full stop (a flattened table, a list,
 * junk) would take minutes. Real sentences stay far below {@link #LONGEST} (the longest in the corpus, the
 * development set and the seeds has 1,189 characters) and are never cut; a longer one is cut into pieces of at most
 * {@link #PIECE} characters, at a clause mark where there is one, else at a blank, else between words.
 */
final class LongSentences {
    /** Sentences up to this length are left whole. */
    static final int LONGEST = 2_000;
    /** Longest piece of a longer sentence: about a long clause. */
    static final int PIECE = 400;
    /** Where a piece may end, best first: clause marks, then blanks. */
    private static final String CLAUSE_MARKS = ";；,，、:：";

    private LongSentences() {}

    /** [start, end) pieces of text[start, end): the span itself when it is not too long. */
    static List<int[]> pieces(String text, int start, int end) {
        List<int[]> out = new ArrayList<>();
        if (end - start <= LONGEST) {
            out.add(new int[]{start, end});
            return out;
        }
        for (int from = start; from < end; ) {
            int to = end - from <= PIECE ? end : cut(text, from + PIECE / 2, from + PIECE);
            out.add(new int[]{from, to});
            from = to;
        }
        return out;
    }

    /** The offset after the best cut in (from, to]: after the last clause mark, else the last blank, else between words. */
    private static int cut(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) if (CLAUSE_MARKS.indexOf(text.charAt(i)) >= 0) return i + 1;
        for (int i = to - 1; i >= from; i--) if (Character.isWhitespace(text.charAt(i))) return i + 1;
        for (int i = to - 1; i >= from; i--) if (!Character.isLetterOrDigit(text.charAt(i - 1)) || !Character.isLetterOrDigit(text.charAt(i))) {
            if (!Character.isSurrogatePair(text.charAt(i - 1), text.charAt(i))) return i;
        }
        return Character.isSurrogatePair(text.charAt(to - 1), text.charAt(to)) ? to - 1 : to;
    }
}
