package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.lexicon.Lexicon;
import org.counterpart.facts.extraction.text.KeyedPattern;

import java.util.List;


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
    /** A short quotation holding a figure is a name or slogan: “三个一批”, “两不愁三保障”, "1+1". */
    private static final int SLOGAN_LENGTH = 10;

    /** 8家企业与12个贫困村建立结对: counts of entities paired with each other, not of beneficiaries. */
    private static final java.util.regex.Pattern PAIRED_WITH_AFTER = java.util.regex.Pattern.compile(
            "^[^，,；;。]{0,10}?(?:与|同)[^，,；;。]{0,15}?(?:建立|结成)?结对");
    private static final java.util.regex.Pattern PAIRED_WITH_BEFORE = java.util.regex.Pattern.compile("(?:与|同)$");
    private static final java.util.regex.Pattern PAIRING_AFTER = java.util.regex.Pattern.compile(
            "^[^，,；;。]{0,15}?(?:建立|结成)?结对");
    /** "relief funds of 4.1 million yuan of Fengjie County": money said to belong to a place is that place's own. */
    private static final java.util.regex.Pattern PLACE_OWNED = java.util.regex.Pattern.compile(
            "^\\s*(?:yuan|rmb)?\\s+of\\s+(?:the\\s+)?(?:[A-Z][\\w'-]+\\s+){1,3}(?:County|District|City|Prefecture|Province|Township|Village)\\b");
    private static final List<KeyedPattern> PROMOTION = List.of(Lexicon.pattern("en", "context/promotion"), Lexicon.pattern("zh", "context/promotion"));
    private static final List<KeyedPattern> REALISED = List.of(Lexicon.pattern("en", "context/realised"), Lexicon.pattern("zh", "context/realised"));

    private NotAClaim() {}

    /** Counts of entities paired with one another (6个社会组织与6个村建立结对关系). */
    static boolean pairingCount(String text, Quantity q) {
        if (q.isMoney()) return false;
        String after = text.substring(q.end(), Math.min(text.length(), q.end() + 40));
        if (PAIRED_WITH_AFTER.matcher(after).find()) return true;
        int from = Math.max(0, q.start() - 1);
        return PAIRED_WITH_BEFORE.matcher(text).region(from, q.start()).find() && PAIRING_AFTER.matcher(after).find();
    }

    /** Money said to belong to a named place after it ("… 4.1 million yuan of Fengjie County"). */
    static boolean placeOwned(String text, Quantity q) {
        return q.isMoney() && PLACE_OWNED.matcher(text).region(q.end(), Math.min(text.length(), q.end() + 60)).lookingAt();
    }

    /** Projects and sums on offer at a promotion event, with no word that they were signed or landed. */
    static boolean onOffer(String text) {
        boolean promotion = false;
        for (KeyedPattern p : PROMOTION) promotion |= p.foundIn(text);
        if (!promotion) return false;
        for (KeyedPattern p : REALISED) if (p.foundIn(text)) return false;
        return true;
    }

    /** "从20名增加到65名", "rose from 20 to 65": the first figure is the old value of a change. */
    static boolean oldValue(String text, Quantity q) {
        int from = Math.max(0, q.start() - 6);
        if (!FROM_BEFORE.matcher(text).region(from, q.start()).find()) return false;
        return CHANGE_TO_AFTER.matcher(text).region(q.end(), Math.min(text.length(), q.end() + 20)).lookingAt();
    }

    /** A figure inside a short quotation (“三个一批”) names something; it counts nothing. */
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
