package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.text.KeyedPattern;

import java.util.function.BiPredicate;
import java.util.regex.Matcher;

/**
 * Figures that read like cooperation figures but are not claims of their own: averages and rates per unit
 * ("9 million yuan per county", 平均每个贫困村50万元) and the parts of a total stated in the same sentence
 * ("1.47 billion yuan, of which 985 million …", 其中省级资金8.2亿元), which would be counted twice.
 */
final class NotAClaim {
    private static final KeyedPattern AVERAGE_BEFORE = KeyedPattern.compile(
            "(?i)(?:\\baverag(?:e|ed|ing)\\b|\\bper\\s+capita\\b|\\beach\\b|人均|平均|每个|每村|每户|每县|每人|每名|户均|村均)[^,;:，；。]{0,30}$");
    private static final KeyedPattern AVERAGE_AFTER = KeyedPattern.compile(
            "(?i)^[^,;，；。]{0,12}?(?:\\bper\\s+(?:county|village|household|person|capita|head|year|month|student|family)\\b|\\beach\\b|\\ba\\s+head\\b|\\bapiece\\b)");
    private static final KeyedPattern PART_MARKER = KeyedPattern.compile("(?i)\\bof\\s+which\\b|\\bamong\\s+which\\b|\\bincluding\\b|其中");

    private NotAClaim() {}

    static boolean average(String text, Quantity q) {
        // regions read as substrings do (opaque, anchoring bounds); AVERAGE_AFTER starts with ^, so lookingAt()
        int from = Math.max(0, q.start() - 40);
        return (AVERAGE_BEFORE.mayMatch(text, from, q.start()) && AVERAGE_BEFORE.matcher(text).region(from, q.start()).find())
                || (AVERAGE_AFTER.mayMatch(text, q.end(), text.length()) && AVERAGE_AFTER.matcher(text).region(q.end(), text.length()).lookingAt());
    }

    /**
     * A figure after "of which"/其中 in the same clause chain (up to a semicolon), when no region is named
     * between the marker and the figure: a breakdown of the total before it. "其中，山东省向重庆市投入…" names its own
     * pair and stays a claim.
     */
    static boolean partOfTotal(String text, Quantity q, BiPredicate<Integer, Integer> regionNamedBetween) {
        int clauseStart = Math.max(text.lastIndexOf(';', q.start()), text.lastIndexOf('；', q.start())) + 1;
        if (!PART_MARKER.mayMatch(text, clauseStart, q.start())) return false;
        Matcher m = PART_MARKER.matcher(text);
        m.region(clauseStart, q.start());
        int marker = -1;
        while (m.find()) marker = m.end();
        if (marker < 0) return false;
        // a total before the marker is what makes it a part ("其中" opening a sentence about a national total names its own pair)
        return !regionNamedBetween.test(marker, q.start());
    }
}
