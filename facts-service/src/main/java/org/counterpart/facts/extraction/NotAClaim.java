package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.lexicon.Lexicon;
import org.counterpart.facts.extraction.text.KeyedPattern;


/**
 * Figures that read like cooperation figures but are not claims of their own: averages and rates per unit
 * ("9 million yuan per county", 平均每个贫困村50万元). Parts of a stated total are claims, linked to their
 * whole ({@link PartOfTotal}).
 */
final class NotAClaim {
    private static final KeyedPattern AVERAGE_BEFORE = KeyedPattern.compile("(?i)(?:" + Lexicon.regex("en", "context/per_unit_before")
            + "|" + Lexicon.regex("zh", "context/per_unit_before") + ")[^,;:，；。]{0,30}$");
    private static final KeyedPattern AVERAGE_AFTER = KeyedPattern.compile("(?i)^[^,;，；。]{0,12}?(?:"
            + Lexicon.regex("en", "context/per_unit_after") + ")");

    private NotAClaim() {}

    static boolean average(String text, Quantity q) {
        // regions read as substrings do (opaque, anchoring bounds); AVERAGE_AFTER starts with ^, so lookingAt()
        int from = Math.max(0, q.start() - 40);
        return (AVERAGE_BEFORE.mayMatch(text, from, q.start()) && AVERAGE_BEFORE.matcher(text).region(from, q.start()).find())
                || (AVERAGE_AFTER.mayMatch(text, q.end(), text.length()) && AVERAGE_AFTER.matcher(text).region(q.end(), text.length()).lookingAt());
    }
}
