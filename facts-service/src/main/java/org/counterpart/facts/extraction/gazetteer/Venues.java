package org.counterpart.facts.extraction.gazetteer;

import org.counterpart.facts.extraction.lexicon.Lexicon;
import org.counterpart.facts.extraction.text.KeyedPattern;
import org.counterpart.facts.extraction.text.Regexes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Places named only as where something happened ("at a joint meeting in Nanning", 在吉首市举行) are neither
 * giver nor receiver: they are dropped before parties are chosen.
 */
public final class Venues {
    private static final KeyedPattern EVENT_BEFORE = KeyedPattern.compile(
            "(?i)(?:" + Lexicon.regex("en", "context/events") + ")[^,.;]{0,25}\\b(?:in|at)\\s+(?:the\\s+)?$");
    private static final Pattern ZH_EVENT_AFTER = Regexes.compile("^[^，。；,;]{0,8}?(?:" + Lexicon.regex("zh", "context/event_after") + ")");

    private Venues() {}

    public static List<RegionMention> withoutVenues(String text, List<RegionMention> mentions) {
        return mentions.stream().filter(m -> !isVenue(text, m)).toList();
    }

    static boolean isVenue(String text, RegionMention m) {
        // regions read as substrings do (opaque, anchoring bounds); ZH_EVENT_AFTER starts with ^, so lookingAt()
        int from = Math.max(0, m.start() - 60);
        if (EVENT_BEFORE.mayMatch(text, from, m.start()) && EVENT_BEFORE.matcher(text).region(from, m.start()).find()) return true;
        return m.start() > 0 && text.charAt(m.start() - 1) == '在' && ZH_EVENT_AFTER.matcher(text).region(m.end(), text.length()).lookingAt();
    }
}
