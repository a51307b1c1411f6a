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

    private static final java.util.regex.Pattern FROM_BEFORE = java.util.regex.Pattern.compile("(?i)(?:从|由|\\bfrom\\s+)$");
    private static final java.util.regex.Pattern CHANGE_TO_AFTER = java.util.regex.Pattern.compile("(?i)^\\S{0,4}?\\s*(?:"
            + Lexicon.regex("zh", "context/change_to") + "|" + Lexicon.regex("en", "context/change_to") + ")\\s*\\d");
    /** A short quotation holding a figure is a name or slogan: “五个一批”, “两不愁三保障”, "1+1". */
    private static final int SLOGAN_LENGTH = 10;

    private NotAClaim() {}

    /** "从14名增加到152名", "rose from 14 to 152": the first figure is the old value of a change. */
    static boolean oldValue(String text, Quantity q) {
        int from = Math.max(0, q.start() - 6);
        if (!FROM_BEFORE.matcher(text).region(from, q.start()).find()) return false;
        return CHANGE_TO_AFTER.matcher(text).region(q.end(), Math.min(text.length(), q.end() + 20)).lookingAt();
    }

    /** A figure inside a short quotation (“五个一批”) names something; it counts nothing. */
    static boolean inSlogan(String text, Quantity q) {
        int open = Math.max(text.lastIndexOf('“', q.start()), text.lastIndexOf('"', q.start() - 1));
        if (open < 0 || q.start() - open > SLOGAN_LENGTH) return false;
        int close = -1;
        for (int i = q.end(); i < Math.min(text.length(), open + SLOGAN_LENGTH + 2); i++) {
            char c = text.charAt(i);
            if (c == '”' || c == '"') { close = i; break; }
        }
        return close >= 0 && close - open <= SLOGAN_LENGTH + 1;
    }

    static boolean average(String text, Quantity q) {
        // regions read as substrings do (opaque, anchoring bounds); AVERAGE_AFTER starts with ^, so lookingAt()
        int from = Math.max(0, q.start() - 40);
        return (AVERAGE_BEFORE.mayMatch(text, from, q.start()) && AVERAGE_BEFORE.matcher(text).region(from, q.start()).find())
                || (AVERAGE_AFTER.mayMatch(text, q.end(), text.length()) && AVERAGE_AFTER.matcher(text).region(q.end(), text.length()).lookingAt());
    }
}
