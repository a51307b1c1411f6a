package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.text.KeyedPattern;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parts of a stated total: "21 million yuan, of which 8 million was for roads", "including 148 aid
 * projects", 其中江苏省12.4亿元. A part is a fact of its own, linked to its whole, which totals never add to it.
 * The whole is the last figure of the same kind (money or count) before the marker in the same sentence; a
 * sentence ending in "其中：" or "including:" opens a list whose lines are parts of its last figure.
 */
final class PartOfTotal {
    private static final KeyedPattern MARKER = KeyedPattern.compile(
            "(?i)\\bof\\s+which\\b|\\bamong\\s+(?:which|them)\\b|\\bincluding\\b|\\bincluded\\b|其中|包括");
    private static final Pattern OPENS_LIST = Pattern.compile(
            "(?i)(?:\\bof\\s+which|\\bamong\\s+(?:which|them)|\\bincluding|其中|包括)\\s*[:：]\\s*$");
    /** A line of a list opened by "其中：": short, a name and a figure ("巫山县 1.1亿元"). */
    private static final int LIST_LINE_LENGTH = 40;

    /** A figure already read in the sentence, with the fact it gave. */
    record Read(Quantity quantity, Finding finding) {}

    private PartOfTotal() {}

    /** The fact this figure is a part of, among the figures read before it in the same sentence; null if none. */
    static Finding whole(String text, Quantity q, List<Read> before) {
        int clauseStart = Math.max(Math.max(text.lastIndexOf(';', q.start()), text.lastIndexOf('；', q.start())),
                text.lastIndexOf('。', q.start())) + 1;
        if (!MARKER.mayMatch(text, clauseStart, q.start())) return null;
        Matcher m = MARKER.matcher(text);
        m.region(clauseStart, q.start());
        int marker = -1;
        while (m.find()) marker = m.start();
        if (marker < 0) return null;
        for (int i = before.size() - 1; i >= 0; i--) {
            Read r = before.get(i);
            if (r.quantity().end() <= marker && r.quantity().start() >= clauseStart && r.quantity().isMoney() == q.isMoney()) {
                return r.finding().whole() != null ? r.finding().whole() : r.finding();
            }
        }
        return null;
    }

    private static final Pattern OPENS_WITH_PART = Pattern.compile(
            "(?i)^(?:of\\s+(?:this|that|the\\s+total|which)|among\\s+(?:them|these|this)|out\\s+of\\s+(?:this|that|the\\s+total))\\s*,");

    /** Whether a sentence opens as a part of the sentence before ("Of this, 1.1 billion yuan went to Honghe"). */
    static boolean opensWithPart(String text) {
        return OPENS_WITH_PART.matcher(text).find();
    }

    /** Whether a sentence ends by opening a list of parts ("…资金3.2亿元，其中："). */
    static boolean opensList(String text) {
        return OPENS_LIST.matcher(text).find();
    }

    /** Whether a sentence can be a line of such a list. */
    static boolean listLine(String text) {
        return text.length() <= LIST_LINE_LENGTH;
    }
}
