package org.counterpart.facts.extraction;

import org.counterpart.facts.extraction.attribution.Attribution;
import org.counterpart.facts.extraction.quantity.Quantity;
import org.counterpart.facts.extraction.text.KeyedPattern;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure stated for each member of a group: "6 million yuan was allocated respectively to A and B",
 * "A and B received 2 million yuan each", 西宁市、海东市各500万元. Each member gets a fact of its own with the
 * figure; without a group the same words make a rate ("9 million yuan per county"), which is not a claim.
 */
final class Distribution {
    private static final KeyedPattern BEFORE = KeyedPattern.compile("(?i)(?:(?:各|分别|均)[^，,；;。、]{0,8}|\\beach\\s+(?:[a-z]+\\s+){0,3})$");
    private static final KeyedPattern AFTER = KeyedPattern.compile("(?i)^\\s*(?:[^,;，；。]{0,25}?\\b(?:respectively|each|apiece)\\b)");

    private Distribution() {}

    static boolean distributive(String text, Quantity q) {
        int from = Math.max(0, q.start() - 30);
        return BEFORE.mayMatch(text, from, q.start()) && BEFORE.matcher(text).region(from, q.start()).find()
                || AFTER.mayMatch(text, q.end(), Math.min(text.length(), q.end() + 40))
                && AFTER.matcher(text).region(q.end(), Math.min(text.length(), q.end() + 40)).lookingAt();
    }

    /**
     * "40 and 50 teachers respectively": the figures of such a list go to the members in order, when there are as
     * many of them as members; otherwise each member gets the figure.
     */
    static List<Attribution> over(Attribution who, int position, int listed) {
        List<Attribution> each = over(who);
        if (listed > 1 && listed == each.size() && position < listed) return List.of(each.get(position));
        return each;
    }

    /** One attribution per member of the group the figure is distributed over; the attribution itself otherwise. */
    static List<Attribution> over(Attribution who) {
        List<Attribution> out = new ArrayList<>();
        if (who.recipient().isGroup() && !who.recipient().members().isEmpty()) {
            who.recipient().members().forEach(m -> out.add(new Attribution(who.donor(), m, who.reasons())));
        } else if (who.donor().isGroup() && !who.donor().members().isEmpty()) {
            who.donor().members().forEach(m -> out.add(new Attribution(m, who.recipient(), who.reasons())));
        }
        return out;
    }
}
