package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.lexicon.Lexicon;
import org.counterpart.facts.extraction.pairing.Side;
import org.counterpart.facts.extraction.text.KeyedPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds groups of regions named without their names (word lists in {@code lexicon/<language>/groups/}): a noun of
 * several regions (provinces, cities, areas, 省市, 地区 …) with a direction word (eastern, western, 东部, 中西部) or a
 * place after it ("in East China"), or with a count ("eight coastal cities", "the eight cities"). Direction words and
 * places say the side; without them, the describing words do ("helping", "poverty-stricken"); a counted group with
 * neither is the same group as the last one named with that count and noun (or is dropped).
 */
public final class GroupPhrases {
    private static final String NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2}";
    private static final Pattern ENGLISH = english();
    private static final Pattern CHINESE = chinese();
    /** A place standing alone for a side: "… to the west", "… in central and western China". */
    private static final Pattern PLACE_ALONE = Pattern.compile("(?i)\\b(?<words>)(?<place>" + Lexicon.regex("en", "groups/east_places")
            + "|" + Lexicon.regex("en", "groups/west_places") + ")");
    private static final Pattern EAST = wordsOf("en", "groups/east", "zh", "groups/east");
    private static final Pattern WEST = wordsOf("en", "groups/west", "zh", "groups/west");
    private static final Pattern GIVERS = wordsOf("en", "groups/donor_words", "zh", "groups/donor_words");
    private static final Pattern RECEIVERS = wordsOf("en", "groups/recipient_words", "zh", "groups/recipient_words");
    private static final Pattern EAST_PLACE = Pattern.compile(Lexicon.regex("en", "groups/east_places"), Pattern.CASE_INSENSITIVE);
    private static final Pattern WEST_PLACE = Pattern.compile(Lexicon.regex("en", "groups/west_places"), Pattern.CASE_INSENSITIVE);
    private static final KeyedPattern ENGLISH_NOUNS = KeyedPattern.compile("(?i)" + String.join("|", englishNouns()));
    private static final Pattern ZH_DIRECTION = Pattern.compile(Lexicon.regex("zh", "groups/east") + "|" + Lexicon.regex("zh", "groups/west"));
    private static final Map<String, String> LEVELS_EN = Lexicon.table("en", "groups/nouns");
    private static final Map<String, String> LEVELS_ZH = Lexicon.table("zh", "groups/nouns");

    private GroupPhrases() {}

    /** The group phrases of one sentence, in order; anaphora ("the eight cities") are resolved later, per report. */
    public static List<GroupPhrase> find(String text) {
        List<GroupPhrase> out = new ArrayList<>();
        Matcher m = ENGLISH.matcher(text);
        // most sentences hold none of the group nouns: one literal scan spares the large pattern
        if (ENGLISH_NOUNS.foundIn(text)) while (m.find()) add(out, text, m, LEVELS_EN.get(m.group("noun").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")), count(m.group("num")));
        Matcher alone = PLACE_ALONE.matcher(text);
        while (alone.find()) {
            int at = alone.start();
            if (out.stream().noneMatch(g -> g.start() <= at && at < g.end())) add(out, text, alone, "any", null);
        }
        if (hasHan(text)) {
            Matcher z = CHINESE.matcher(text);
            while (z.find()) {
                String num = z.group("num") != null ? z.group("num") : z.group("num2");
                add(out, text, z, LEVELS_ZH.get(z.group("noun")), count(num));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static void add(List<GroupPhrase> out, String text, Matcher m, String level, Integer count) {
        String phrase = m.group().strip();
        String words = m.group("words") == null ? "" : m.group("words");
        String place = m.group("place") == null ? "" : m.group("place");
        Side side = null;
        if (EAST.matcher(words).find() || EAST_PLACE.matcher(place).find()) side = Side.DONOR;
        else if (WEST.matcher(words).find() || WEST_PLACE.matcher(place).find()) side = Side.RECIPIENT;
        else if (count != null && GIVERS.matcher(words).find()) side = Side.DONOR;
        else if (count != null && RECEIVERS.matcher(words).find()) side = Side.RECIPIENT;
        // a direction, a place or a count makes a group; "poor counties" alone is not one
        if (side == null && count == null) return;
        // "the eastern provinces" is named "eastern provinces"; "the west" keeps its article
        String name = phrase.matches("(?i)the\\s+\\S+") ? phrase : phrase.replaceFirst("(?i)^the\\s+", "");
        int start = m.start() + (m.group().length() - m.group().stripLeading().length());
        // 对口帮扶西部地区: words of helping before a Chinese direction word are the verb, not the group's name
        Matcher direction = ZH_DIRECTION.matcher(phrase);
        if (hasHan(phrase) && m.group("num") == null && direction.find() && direction.start() > 0) {
            name = phrase.substring(direction.start());
            start += direction.start();
            phrase = name;
        }
        out.add(new GroupPhrase(start, start + phrase.length(), name, side, count, level == null ? "any" : level));
    }

    /**
     * Resolves counted phrases without a side ("the eight cities") to the last group named before with the same count
     * and level, across the report's sentences; phrases left without a side are dropped.
     */
    public static List<List<GroupPhrase>> resolve(List<List<GroupPhrase>> bySentence) {
        List<List<GroupPhrase>> out = new ArrayList<>();
        List<GroupPhrase> named = new ArrayList<>();
        for (List<GroupPhrase> phrases : bySentence) {
            List<GroupPhrase> resolved = new ArrayList<>();
            for (GroupPhrase p : phrases) {
                if (p.side() != null) {
                    resolved.add(p);
                    named.add(p);
                    continue;
                }
                for (int i = named.size() - 1; i >= 0; i--) {
                    GroupPhrase a = named.get(i);
                    if (Objects.equals(a.count(), p.count()) && a.level().equals(p.level())) {
                        resolved.add(p.as(a));
                        break;
                    }
                }
            }
            out.add(List.copyOf(resolved));
        }
        return out;
    }

    private static Integer count(String number) {
        if (number == null || number.isBlank()) return null;
        String n = number.strip().toLowerCase(Locale.ROOT);
        List<String> words = List.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");
        int at = words.indexOf(n);
        if (at >= 0) return at + 2;
        if (n.chars().allMatch(Character::isDigit)) return Integer.valueOf(n);
        return smallChineseNumber(n);
    }

    /** 二 … 九十九 (两 for 2): the counts that name groups. */
    private static Integer smallChineseNumber(String n) {
        String digits = "零一二三四五六七八九";
        int value = 0, current = 0;
        for (char c : n.toCharArray()) {
            if (c == '两') current = 2;
            else if (digits.indexOf(c) >= 0) current = digits.indexOf(c);
            else if (c == '十') { value += (current == 0 ? 1 : current) * 10; current = 0; }
            else return null;
        }
        value += current;
        return value == 0 ? null : value;
    }

    private static Pattern english() {
        String nouns = String.join("|", englishNouns());
        String describing = "(?:" + String.join("|", Lexicon.regex("en", "groups/east"), Lexicon.regex("en", "groups/west"),
                Lexicon.regex("en", "groups/donor_words"), Lexicon.regex("en", "groups/recipient_words")) + ")";
        String places = "(?:" + Lexicon.regex("en", "groups/east_places") + "|" + Lexicon.regex("en", "groups/west_places") + ")";
        return Pattern.compile("(?i)\\b(?:the\\s+)?(?:(?<num>" + NUMBER_WORDS + ")\\s+)?"
                + "(?<words>(?:" + describing + "(?:\\s*,\\s*|\\s+and\\s+|\\s+))*)"
                + "(?<noun>" + nouns + ")\\b"
                + "(?:\\s*(?:,\\s*|\\s+and\\s+)(?:autonomous\\s+regions|" + nouns + ")\\b)*"
                + "(?:\\s+(?:in|of|from)\\s+(?:the\\s+)?(?<place>" + places + "))?");
    }

    private static List<String> englishNouns() {
        List<String> keys = new ArrayList<>(Lexicon.table("en", "groups/nouns").keySet());
        keys.sort((a, b) -> b.length() - a.length());
        return keys.stream().map(k -> k.replace(" ", "\\s+")).toList();
    }

    private static Pattern chinese() {
        List<String> nouns = new ArrayList<>(Lexicon.table("zh", "groups/nouns").keySet());
        nouns.sort((a, b) -> b.length() - a.length());
        String describing = "(?:" + String.join("|", Lexicon.regex("zh", "groups/east"), Lexicon.regex("zh", "groups/west"),
                Lexicon.regex("zh", "groups/donor_words"), Lexicon.regex("zh", "groups/recipient_words")) + ")";
        String number = "[两二三四五六七八九十\\d]{1,2}";
        return Pattern.compile("(?:(?<num>" + number + ")个?)?(?<words>" + describing + "+)(?:(?<num2>" + number + ")个?)?"
                + "(?<noun>" + String.join("|", nouns) + ")(?<place>)");
    }

    private static Pattern wordsOf(String l1, String n1, String l2, String n2) {
        return Pattern.compile(Lexicon.regex(l1, n1) + "|" + Lexicon.regex(l2, n2), Pattern.CASE_INSENSITIVE);
    }

    private static boolean hasHan(String text) {
        for (int i = 0; i < text.length(); i++) if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) return true;
        return false;
    }
}
